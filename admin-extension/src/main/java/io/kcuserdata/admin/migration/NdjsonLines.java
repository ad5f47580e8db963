package io.kcuserdata.admin.migration;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads an NDJSON body line by line with two bounds: a line longer than {@code maxLineBytes} is
 * skipped to its end and reported, not buffered; a body longer than {@code maxBodyBytes} ends the
 * reading. Memory stays at one line.
 */
final class NdjsonLines {

  /** One line: its 1-based number and text, or {@code tooLong} when it was skipped. */
  record Line(int number, String text, boolean tooLong) {}

  private final InputStream in;
  private final int maxLineBytes;
  private final long maxBodyBytes;
  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
  private long read;
  private int number;
  private boolean bodyTooLarge;
  private boolean ended;

  NdjsonLines(InputStream in, int maxLineBytes, long maxBodyBytes) {
    this.in = in;
    this.maxLineBytes = maxLineBytes;
    this.maxBodyBytes = maxBodyBytes;
  }

  /** The next line, or {@code null} at the end of the body or when it grew too large. */
  Line next() throws IOException {
    if (ended) {
      return null;
    }
    buffer.reset();
    boolean tooLong = false;
    int b;
    while ((b = in.read()) != -1) {
      if (++read > maxBodyBytes) {
        bodyTooLarge = true;
        ended = true;
        return null;
      }
      if (b == '\n') {
        return line(tooLong);
      }
      // One byte over the limit is kept: it may be the CR of a CRLF line, which does not count.
      if (buffer.size() > maxLineBytes) {
        tooLong = true;
      } else {
        buffer.write(b);
      }
    }
    ended = true;
    return buffer.size() == 0 && !tooLong ? null : line(tooLong);
  }

  boolean bodyTooLarge() {
    return bodyTooLarge;
  }

  int lastNumber() {
    return number;
  }

  private Line line(boolean tooLong) {
    number++;
    byte[] bytes = buffer.toByteArray();
    int length = bytes.length;
    if (length > 0 && bytes[length - 1] == '\r') {
      length--;
    }
    if (tooLong || length > maxLineBytes) {
      return new Line(number, null, true);
    }
    return new Line(number, new String(bytes, 0, length, StandardCharsets.UTF_8), false);
  }
}

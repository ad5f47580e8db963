package io.kcuserdata.it.harness;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The server's console output, kept in a file under {@code target/}. */
public final class ServerLog {

  private static final int MAX_PRINTED_BYTES = 64 * 1024;

  private final Path file;

  ServerLog(Path file) {
    this.file = file;
  }

  public Path file() {
    return file;
  }

  /** A position to read from later: what the server logs after this call. */
  public long mark() {
    try {
      return Files.exists(file) ? Files.size(file) : 0;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What the server logged since {@code mark}, cut to its last 64 KiB. */
  public String since(long mark) {
    try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
      long end = in.length();
      long from = Math.max(mark, end - MAX_PRINTED_BYTES);
      byte[] bytes = new byte[(int) (end - from)];
      in.seek(from);
      in.readFully(bytes);
      return new String(bytes, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(server log unreadable: " + e.getMessage() + ")";
    }
  }

  /** The last {@code count} lines, for a server that failed to start. */
  public String tail(int count) {
    try {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - count), lines.size()));
    } catch (IOException e) {
      return "(server log unreadable: " + e.getMessage() + ")";
    }
  }
}

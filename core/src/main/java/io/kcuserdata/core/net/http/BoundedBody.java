package io.kcuserdata.core.net.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reads a response body up to a limit, stopping as soon as the limit is passed. */
public final class BoundedBody {

  private BoundedBody() {}

  /**
   * @return the body, or null when it is longer than {@code maxBytes} (the rest is not read)
   */
  public static byte[] read(InputStream in, int maxBytes) throws IOException {
    if (in == null) {
      return new byte[0];
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(maxBytes, 8192));
    byte[] buffer = new byte[8192];
    int total = 0;
    int n;
    while ((n = in.read(buffer, 0, Math.min(buffer.length, maxBytes + 1 - total))) > 0) {
      total += n;
      if (total > maxBytes) {
        return null;
      }
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }

  /** The first {@code maxBytes} of the body at most; the rest is not read. */
  public static byte[] readPrefix(InputStream in, int maxBytes) throws IOException {
    return in == null ? new byte[0] : in.readNBytes(maxBytes);
  }
}

package io.kcuserdata.it.security;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * HTTP/1.1 over a plain socket, byte for byte as given: a path no URI class would accept (bad
 * percent-escapes, dot segments, raw non-ASCII), any header, any body. What a hostile client sends;
 * a JDK client would normalise or refuse much of it.
 */
final class RawHttp {

  /** The answer: status, headers as received, and the body (de-chunked). */
  record Answer(int status, List<String> headers, byte[] body) {
    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    String header(String name) {
      String prefix = name.toLowerCase(Locale.ROOT) + ":";
      return headers.stream()
          .filter(h -> h.toLowerCase(Locale.ROOT).startsWith(prefix))
          .map(h -> h.substring(prefix.length()).trim())
          .findFirst()
          .orElse(null);
    }
  }

  private final String host;
  private final int port;

  RawHttp(URI server) {
    this.host = server.getHost();
    this.port = server.getPort();
  }

  /**
   * @param rawPath the request target exactly as sent
   * @param headers name, value, name, value, …
   */
  Answer send(String method, String rawPath, byte[] body, String... headers) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), 5000);
      socket.setSoTimeout(60_000);
      ByteArrayOutputStream request = new ByteArrayOutputStream();
      write(request, method + " " + rawPath + " HTTP/1.1\r\n");
      write(request, "Host: " + host + ":" + port + "\r\n");
      write(request, "Connection: close\r\n");
      for (int i = 0; i + 1 < headers.length; i += 2) {
        write(request, headers[i] + ": " + headers[i + 1] + "\r\n");
      }
      if (body != null) {
        write(request, "Content-Length: " + body.length + "\r\n");
      }
      write(request, "\r\n");
      OutputStream out = socket.getOutputStream();
      request.writeTo(out);
      if (body != null) {
        out.write(body);
      }
      out.flush();
      return read(socket.getInputStream());
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + abbreviate(rawPath), e);
    }
  }

  private static void write(ByteArrayOutputStream out, String text) {
    // ISO-8859-1: what the caller put in a header or path goes out byte for byte.
    out.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
  }

  private static Answer read(InputStream in) throws IOException {
    byte[] all = in.readAllBytes();
    int end = indexOf(all, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    if (end < 0) {
      throw new IOException("no complete answer: " + new String(all, StandardCharsets.UTF_8));
    }
    String[] lines = new String(all, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    List<String> headers = new ArrayList<>(List.of(lines).subList(1, lines.length));
    byte[] body = Arrays.copyOfRange(all, end + 4, all.length);
    boolean chunked =
        headers.stream()
            .anyMatch(h -> h.toLowerCase(Locale.ROOT).matches("transfer-encoding:\\s*chunked"));
    return new Answer(status, headers, chunked ? dechunk(body) : body);
  }

  private static byte[] dechunk(byte[] body) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int at = 0;
    while (at < body.length) {
      int lineEnd = indexOf(body, at, "\r\n".getBytes(StandardCharsets.US_ASCII));
      if (lineEnd < 0) {
        throw new IOException("a chunk without its size line");
      }
      String size = new String(body, at, lineEnd - at, StandardCharsets.US_ASCII).split(";")[0];
      int length = Integer.parseInt(size.trim(), 16);
      if (length == 0) {
        return out.toByteArray();
      }
      if (lineEnd + 2 + length > body.length) {
        throw new IOException("the answer ended inside a chunk (the server broke off)");
      }
      out.write(body, lineEnd + 2, length);
      at = lineEnd + 2 + length + 2;
    }
    throw new IOException("the answer ended before its last chunk (the server broke off)");
  }

  private static int indexOf(byte[] data, byte[] pattern) {
    return indexOf(data, 0, pattern);
  }

  private static int indexOf(byte[] data, int from, byte[] pattern) {
    outer:
    for (int i = from; i <= data.length - pattern.length; i++) {
      for (int j = 0; j < pattern.length; j++) {
        if (data[i + j] != pattern[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  static String abbreviate(String text) {
    return text.length() > 160 ? text.substring(0, 160) + "… (" + text.length() + " chars)" : text;
  }
}

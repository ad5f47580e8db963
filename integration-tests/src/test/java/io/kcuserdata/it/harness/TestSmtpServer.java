package io.kcuserdata.it.harness;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A real (minimal) SMTP server on loopback in the test JVM: it accepts every message Keycloak
 * sends, without authentication or TLS, and hands the raw messages to the test.
 */
public final class TestSmtpServer implements AutoCloseable {

  private final ServerSocket socket;
  private final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
  private final Thread acceptor;

  private TestSmtpServer(ServerSocket socket) {
    this.socket = socket;
    this.acceptor = new Thread(this::accept, "test-smtp");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  public static TestSmtpServer start() {
    try {
      return new TestSmtpServer(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public int port() {
    return socket.getLocalPort();
  }

  /** The next message (headers and body as sent), waiting at most {@code timeout}. */
  public String take(Duration timeout) throws InterruptedException {
    String message = messages.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    if (message == null) {
      throw new AssertionError("no e-mail within " + timeout);
    }
    return message;
  }

  /** Every message received and not yet taken, without waiting; they are taken. */
  public List<String> drain() {
    List<String> drained = new ArrayList<>();
    messages.drainTo(drained);
    return drained;
  }

  private void accept() {
    while (!socket.isClosed()) {
      try (Socket client = socket.accept()) {
        converse(client);
      } catch (IOException e) {
        // closed, or the client went away: wait for the next one
      }
    }
  }

  private void converse(Socket client) throws IOException {
    BufferedReader in =
        new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
    PrintWriter out = new PrintWriter(client.getOutputStream(), true, StandardCharsets.UTF_8);
    reply(out, "220 test-smtp ready");
    String line;
    while ((line = in.readLine()) != null) {
      String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line;
      switch (command) {
        case "EHLO":
        case "HELO":
          reply(out, "250 test-smtp");
          break;
        case "DATA":
          reply(out, "354 end with <CRLF>.<CRLF>");
          StringBuilder message = new StringBuilder();
          String data;
          while ((data = in.readLine()) != null && !data.equals(".")) {
            message.append(data.startsWith("..") ? data.substring(1) : data).append('\n');
          }
          messages.add(message.toString());
          reply(out, "250 queued");
          break;
        case "QUIT":
          reply(out, "221 bye");
          return;
        default:
          reply(out, "250 OK");
      }
    }
  }

  private static void reply(PrintWriter out, String line) {
    out.print(line + "\r\n");
    out.flush();
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException e) {
      // nothing to do
    }
  }
}

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A mail server that delivers nowhere: Keycloak's mails (verify e-mail, account links) are accepted
 * over plain SMTP on loopback and kept in an NDJSON file for {@link MailPage}. Enough of RFC 5321
 * for a mail client: EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT; no relay, no TLS, no
 * authentication. Lines and messages are bounded; a client that stalls is dropped.
 */
final class MailCatcher {

  static final int MAX_MESSAGE_BYTES = 2 * 1024 * 1024;
  private static final int MAX_LINE_BYTES = 64 * 1024;
  private static final int MAX_RECIPIENTS = 100;
  private static final int IDLE_MILLIS = 60_000;

  private final NdjsonFile mails;
  private final ExecutorService conversations =
      Executors.newFixedThreadPool(
          8,
          runnable -> {
            Thread thread = new Thread(runnable, "smtp-conversation");
            thread.setDaemon(true);
            return thread;
          });
  private ServerSocket socket;

  MailCatcher(NdjsonFile mails) {
    this.mails = mails;
  }

  void start(String listen, int port) throws IOException {
    socket = new ServerSocket();
    socket.bind(new InetSocketAddress(InetAddress.getByName(listen), port), 50);
    Thread acceptor = new Thread(this::accept, "smtp-accept");
    acceptor.setDaemon(true);
    acceptor.start();
    Log.info("mail catcher (SMTP) on " + listen + ":" + port);
  }

  private void accept() {
    while (!socket.isClosed()) {
      try {
        Socket client = socket.accept();
        conversations.execute(() -> converse(client));
      } catch (IOException e) {
        if (!socket.isClosed()) {
          Log.error("mail catcher: accept failed", e);
        }
      }
    }
  }

  private void converse(Socket client) {
    try (client) {
      client.setSoTimeout(IDLE_MILLIS);
      new Conversation(
              new java.io.BufferedInputStream(client.getInputStream()), client.getOutputStream())
          .run();
    } catch (SocketTimeoutException e) {
      Log.info("mail catcher: a client was idle for " + IDLE_MILLIS / 1000 + " s and was dropped");
    } catch (IOException e) {
      Log.info("mail catcher: a conversation ended: " + Http.describe(e));
    } catch (RuntimeException e) {
      Log.error("mail catcher: a conversation failed", e);
    }
  }

  /** One SMTP session: the envelope so far, and the commands in the order RFC 5321 allows. */
  private final class Conversation {
    private final InputStream in;
    private final OutputStream out;
    private String sender;
    private final List<String> recipients = new ArrayList<>();

    Conversation(InputStream in, OutputStream out) {
      this.in = in;
      this.out = out;
    }

    void run() throws IOException {
      reply("220 kc-userdata demo mail catcher ready");
      String line;
      while ((line = readLine()) != null) {
        String verb = (line.length() >= 4 ? line.substring(0, 4) : line).toUpperCase(Locale.ROOT);
        String argument = line.length() > 4 ? line.substring(4).trim() : "";
        switch (verb) {
          case "EHLO" -> {
            resetEnvelope();
            reply(
                "250-kc-userdata demo mail catcher\r\n250-8BITMIME\r\n250 SIZE "
                    + MAX_MESSAGE_BYTES);
          }
          case "HELO" -> {
            resetEnvelope();
            reply("250 kc-userdata demo mail catcher");
          }
          case "MAIL" -> mail(argument);
          case "RCPT" -> recipient(argument);
          case "DATA" -> data();
          case "RSET" -> {
            resetEnvelope();
            reply("250 OK");
          }
          case "NOOP" -> reply("250 OK");
          case "QUIT" -> {
            reply("221 bye");
            return;
          }
          default -> reply("502 command not implemented");
        }
      }
    }

    private void mail(String argument) throws IOException {
      if (!argument.toUpperCase(Locale.ROOT).startsWith("FROM:")) {
        reply("501 syntax: MAIL FROM:<address>");
        return;
      }
      resetEnvelope();
      sender = address(argument.substring(5));
      reply("250 OK");
    }

    private void recipient(String argument) throws IOException {
      if (sender == null) {
        reply("503 MAIL first");
      } else if (!argument.toUpperCase(Locale.ROOT).startsWith("TO:")) {
        reply("501 syntax: RCPT TO:<address>");
      } else if (recipients.size() >= MAX_RECIPIENTS) {
        reply("452 too many recipients");
      } else {
        recipients.add(address(argument.substring(3)));
        reply("250 OK");
      }
    }

    private void data() throws IOException {
      if (recipients.isEmpty()) {
        reply("503 RCPT first");
        return;
      }
      reply("354 end with <CRLF>.<CRLF>");
      ByteArrayOutputStream message = new ByteArrayOutputStream();
      boolean tooLarge = false;
      String line;
      while ((line = readLine()) != null && !line.equals(".")) {
        if (tooLarge) {
          continue; // read to the end of the message, then refuse it
        }
        byte[] bytes =
            (line.startsWith(".") ? line.substring(1) : line).getBytes(StandardCharsets.ISO_8859_1);
        if (message.size() + bytes.length + 2 > MAX_MESSAGE_BYTES) {
          tooLarge = true;
          continue;
        }
        message.write(bytes);
        message.write('\r');
        message.write('\n');
      }
      if (line == null) {
        return; // the client went away mid-message: nothing was accepted
      }
      if (tooLarge) {
        reply("552 message larger than " + MAX_MESSAGE_BYTES + " bytes");
      } else {
        keep(message.toByteArray());
        reply("250 OK: kept");
      }
      resetEnvelope();
    }

    private void keep(byte[] raw) {
      MailMessage parsed = MailMessage.parse(raw);
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("received_at", Instant.now().toString());
      entry.put("envelope_from", sender);
      entry.put("envelope_to", List.copyOf(recipients));
      entry.put("from", parsed.from());
      entry.put("to", parsed.to());
      entry.put("subject", parsed.subject());
      entry.put("text", parsed.text());
      entry.put("links", parsed.links());
      entry.put("size", raw.length);
      mails.append(entry);
      Log.info("mail to " + recipients + ": " + parsed.subject());
    }

    private void resetEnvelope() {
      sender = null;
      recipients.clear();
    }

    /** A line without its CRLF, bytes as ISO-8859-1 so a message's bytes pass unchanged. */
    private String readLine() throws IOException {
      ByteArrayOutputStream line = new ByteArrayOutputStream();
      int b;
      while ((b = in.read()) != -1) {
        if (b == '\n') {
          byte[] bytes = line.toByteArray();
          int length =
              bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
          return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
        }
        if (line.size() >= MAX_LINE_BYTES) {
          reply("500 line too long");
          throw new IOException("an SMTP line longer than " + MAX_LINE_BYTES + " bytes");
        }
        line.write(b);
      }
      return null;
    }

    private void reply(String text) throws IOException {
      out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
      out.flush();
    }
  }

  private static String address(String path) {
    String trimmed = path.trim();
    int open = trimmed.indexOf('<');
    int close = trimmed.indexOf('>', open + 1);
    if (open >= 0 && close > open) {
      return trimmed.substring(open + 1, close);
    }
    int space = trimmed.indexOf(' ');
    return space < 0 ? trimmed : trimmed.substring(0, space);
  }

  void stop() {
    try {
      if (socket != null) {
        socket.close();
      }
    } catch (IOException e) {
      // closing anyway
    }
    conversations.shutdownNow();
  }
}

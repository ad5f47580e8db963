package io.kcuserdata.claims.http;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** A JDK HTTP server on 127.0.0.1 and a free port, recording what it receives. */
public final class LoopbackServer implements AutoCloseable {

  /** What one request carried. */
  public record Request(String method, String path, Headers headers, byte[] body) {
    public String bodyText() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  /** Answers one request. */
  @FunctionalInterface
  public interface Responder {
    void respond(Request request, HttpExchange exchange) throws IOException;
  }

  private final HttpServer server;
  private final ExecutorService executor =
      Executors.newCachedThreadPool(
          r -> {
            Thread thread = new Thread(r, "loopback-server");
            thread.setDaemon(true);
            return thread;
          });
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final CountDownLatch closing = new CountDownLatch(1);

  private LoopbackServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
    server.setExecutor(executor);
    server.start();
  }

  public static LoopbackServer start() throws IOException {
    return new LoopbackServer();
  }

  /** A port nothing listens on (it was free a moment ago). */
  public static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return socket.getLocalPort();
    }
  }

  public LoopbackServer on(String path, Responder responder) {
    server.createContext(
        path,
        exchange -> {
          try (exchange) {
            Request request =
                new Request(
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders(),
                    exchange.getRequestBody().readAllBytes());
            requests.add(request);
            responder.respond(request, exchange);
          } catch (IOException e) {
            // The client went away (aborted on purpose by the code under test).
          }
        });
    return this;
  }

  /** Requests received on {@code path}, in order. */
  public List<Request> requests(String path) {
    return requests.stream().filter(r -> r.path().equals(path)).toList();
  }

  public URI uri(String pathAndQuery) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + pathAndQuery);
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** Answers {@code status} with {@code body} and a Content-Length. */
  public static Responder fixed(int status, String body, String... headerPairs) {
    return (request, exchange) -> {
      for (int i = 0; i < headerPairs.length; i += 2) {
        exchange.getResponseHeaders().add(headerPairs[i], headerPairs[i + 1]);
      }
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    };
  }

  /** Answers 200 with {@code length} bytes, chunked (no Content-Length). */
  public static Responder chunked(int length) {
    return (request, exchange) -> {
      exchange.sendResponseHeaders(200, 0);
      try (OutputStream out = exchange.getResponseBody()) {
        for (int i = 0; i < length; i++) {
          out.write('x');
          if (i % 16 == 15) {
            out.flush();
          }
        }
      }
    };
  }

  /** Never answers while the server is open. */
  public Responder hang() {
    return (request, exchange) -> {
      try {
        closing.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    };
  }

  @Override
  public void close() {
    closing.countDown();
    server.stop(0);
    executor.shutdownNow();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

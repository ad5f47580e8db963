package io.kcuserdata.it.harness;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A real HTTP server on loopback inside the test JVM, standing in for webhook receivers, claims
 * APIs and the like. It records every request and answers with what the test told it to.
 */
public final class TestHttpServer implements AutoCloseable {

  /** What a test tells the server to answer for one path. */
  @FunctionalInterface
  public interface Responder {
    Response respond(RecordedRequest request) throws Exception;
  }

  public record Response(int status, Map<String, String> headers, byte[] body) {
    public static Response json(int status, String json) {
      return new Response(
          status,
          Map.of("Content-Type", "application/json"),
          json.getBytes(StandardCharsets.UTF_8));
    }

    public static Response text(int status, String text) {
      return new Response(
          status,
          Map.of("Content-Type", "text/plain; charset=utf-8"),
          text.getBytes(StandardCharsets.UTF_8));
    }
  }

  public record RecordedRequest(
      String method, URI uri, Map<String, List<String>> headers, byte[] body) {
    public String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .flatMap(e -> e.getValue().stream())
          .findFirst()
          .orElse(null);
    }

    public String bodyText() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  static {
    // The JDK server writes headers and body separately; with Nagle's algorithm the body then
    // waits for the client's delayed ACK (40 ms on Linux), which no real API would add.
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private final HttpServer server;
  private final ExecutorService executor;
  private final Map<String, Responder> responders = new ConcurrentHashMap<>();
  private final BlockingQueue<RecordedRequest> unclaimed = new LinkedBlockingQueue<>();
  private final List<RecordedRequest> all = new CopyOnWriteArrayList<>();

  private TestHttpServer(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /** Starts on a free loopback port. */
  public static TestHttpServer start() {
    return start(InetAddress.getLoopbackAddress(), 4);
  }

  /**
   * Starts on 127.0.0.2, the one loopback address the test server's SSRF guard lets outbound calls
   * reach ({@code --spi-userdata--default--outbound-allow-list}); 127.0.0.1 and {@code localhost}
   * stay refused.
   */
  public static TestHttpServer onAllowedHost() {
    return onAllowedHost(8);
  }

  /** The same with {@code threads} handler threads, for tests that hold requests open. */
  public static TestHttpServer onAllowedHost(int threads) {
    try {
      return start(InetAddress.getByName("127.0.0.2"), threads);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Starts on another loopback address, e.g. {@code 127.0.0.3}, for a server whose allow-lists name
   * it.
   */
  public static TestHttpServer onLoopback(String address) {
    try {
      return start(InetAddress.getByName(address), 8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static TestHttpServer start(InetAddress address, int threads) {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress(address, 0), 0);
      ExecutorService executor = Executors.newFixedThreadPool(threads);
      server.setExecutor(executor);
      TestHttpServer testServer = new TestHttpServer(server, executor);
      server.createContext("/", testServer::handle);
      server.start();
      return testServer;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Answers requests whose path is {@code path} (exactly) with {@code responder}. */
  public TestHttpServer respond(String path, Responder responder) {
    responders.put(path, responder);
    return this;
  }

  /** The URL of {@code path} on this server, e.g. {@code http://127.0.0.1:41234/hook}. */
  public URI uri(String path) {
    InetSocketAddress address = server.getAddress();
    return URI.create(
        "http://" + address.getAddress().getHostAddress() + ":" + address.getPort() + path);
  }

  /** The next request not yet taken, waiting at most {@code timeout}; null if none came. */
  public RecordedRequest takeRequest(Duration timeout) throws InterruptedException {
    return unclaimed.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Every request received so far, in order. */
  public List<RecordedRequest> requests() {
    return new ArrayList<>(all);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      RecordedRequest request =
          new RecordedRequest(
              exchange.getRequestMethod(),
              exchange.getRequestURI(),
              Map.copyOf(exchange.getRequestHeaders()),
              exchange.getRequestBody().readAllBytes());
      all.add(request);
      unclaimed.add(request);
      Responder responder = responders.get(exchange.getRequestURI().getPath());
      Response response;
      try {
        response =
            responder == null
                ? Response.text(404, "no responder for " + exchange.getRequestURI().getPath())
                : responder.respond(request);
      } catch (Exception e) {
        response = Response.text(500, "responder failed: " + e);
      }
      response.headers().forEach(exchange.getResponseHeaders()::add);
      byte[] body = response.body() == null ? new byte[0] : response.body();
      exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
      if (body.length > 0) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}

package io.kcuserdata.it.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A webhook receiver for benchmarks: answers 200 at once and keeps only what the figures need
 * (arrival time and body), without the per-request cost of the ITs' recording server.
 */
final class BenchReceiver implements AutoCloseable {

  record Arrival(long nanos, String body) {}

  static {
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(16);
  private final ConcurrentLinkedQueue<Arrival> arrivals = new ConcurrentLinkedQueue<>();
  private final AtomicLong count = new AtomicLong();

  BenchReceiver() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.2"), 0), 512);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(executor);
    server.createContext(
        "/",
        exchange -> {
          try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            arrivals.add(new Arrival(System.nanoTime(), new String(body, StandardCharsets.UTF_8)));
            count.incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
          }
        });
    server.start();
  }

  URI url(String path) {
    return URI.create("http://127.0.0.2:" + server.getAddress().getPort() + path);
  }

  long count() {
    return count.get();
  }

  List<Arrival> arrivals() {
    return new ArrayList<>(arrivals);
  }

  void reset() {
    arrivals.clear();
    count.set(0);
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}

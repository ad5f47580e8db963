package io.kcuserdata.it.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The server's heap: used bytes from its Micrometer metrics (management port), a full GC through
 * {@code jcmd}, and a sampler that keeps the peak while something runs.
 */
final class ServerHeap {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final URI metrics;
  private final long pid;

  ServerHeap(URI managementUrl, long pid) {
    this.metrics = managementUrl.resolve("/metrics");
    this.pid = pid;
  }

  /** Heap in use now: the sum of {@code jvm_memory_used_bytes{area="heap"}} over the pools. */
  long used() {
    return used("");
  }

  /**
   * The old generation in use now: what survived young collections, so garbage the export makes and
   * drops at once does not count.
   */
  long old() {
    return used("Old Gen");
  }

  private long used(String pool) {
    try {
      String body =
          HTTP.send(HttpRequest.newBuilder(metrics).build(), HttpResponse.BodyHandlers.ofString())
              .body();
      long used = 0;
      for (String line : body.split("\n")) {
        if (line.startsWith("jvm_memory_used_bytes{")
            && line.contains("area=\"heap\"")
            && line.contains(pool)) {
          used += (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
        }
      }
      return used;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A full collection, so that what is measured next starts from live data only. */
  void collect() throws IOException, InterruptedException {
    String jcmd = System.getProperty("java.home") + "/bin/jcmd";
    new ProcessBuilder(jcmd, String.valueOf(pid), "GC.run")
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start()
        .waitFor();
    Thread.sleep(500);
  }

  /** Samples {@link #used()} every 100 ms until closed; {@link #peak()} is the highest seen. */
  final class Sampler implements AutoCloseable {
    private final AtomicLong peak = new AtomicLong();
    private final AtomicLong oldPeak = new AtomicLong();
    private volatile boolean running = true;
    private final Thread thread =
        new Thread(
            () -> {
              while (running) {
                peak.accumulateAndGet(used(), Math::max);
                oldPeak.accumulateAndGet(old(), Math::max);
                try {
                  Thread.sleep(100);
                } catch (InterruptedException e) {
                  return;
                }
              }
            },
            "heap-sampler");

    Sampler() {
      thread.setDaemon(true);
      thread.start();
    }

    long peak() {
      return peak.get();
    }

    long oldPeak() {
      return oldPeak.get();
    }

    @Override
    public void close() throws InterruptedException {
      running = false;
      thread.join();
    }
  }
}

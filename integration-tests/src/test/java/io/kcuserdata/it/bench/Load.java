package io.kcuserdata.it.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/** Token requests against one endpoint: a closed loop of threads, or one at a time for latency. */
final class Load {

  /** What one segment did. */
  record Segment(
      long requests,
      long failures,
      double seconds,
      double serverCpuSeconds,
      double packThreadCpuSeconds) {
    double throughput() {
      return requests / seconds;
    }

    double cpuMillisPerRequest() {
      return serverCpuSeconds * 1000 / requests;
    }

    /** CPU of the pack's background threads ({@code userdata-…}) per request. */
    double packThreadCpuMillisPerRequest() {
      return packThreadCpuSeconds * 1000 / requests;
    }
  }

  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  /** How the pack names its background threads (dispatcher, workers, login folder). */
  private static final String PACK_THREADS = "userdata-";

  private final URI tokenEndpoint;
  private final ServerCpu cpu;

  Load(URI tokenEndpoint, ServerCpu cpu) {
    this.tokenEndpoint = tokenEndpoint;
    this.cpu = cpu;
  }

  /** {@code threads} clients sending {@code form} back to back for {@code duration}. */
  Segment closedLoop(String form, int threads, Duration duration) throws InterruptedException {
    return closedLoop(thread -> form, threads, duration);
  }

  /** As above, client {@code i} sending {@code formOf.apply(i)}: each its own user, say. */
  Segment closedLoop(java.util.function.IntFunction<String> formOf, int threads, Duration duration)
      throws InterruptedException {
    AtomicLong ok = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    long end = System.nanoTime() + duration.toNanos();
    CountDownLatch done = new CountDownLatch(threads);
    double cpuBefore = cpu.seconds();
    double packBefore = cpu.threadSeconds(PACK_THREADS);
    long started = System.nanoTime();
    for (int i = 0; i < threads; i++) {
      String form = formOf.apply(i);
      new Thread(
              () -> {
                while (System.nanoTime() < end) {
                  if (send(form) == 200) {
                    ok.incrementAndGet();
                  } else {
                    failed.incrementAndGet();
                  }
                }
                done.countDown();
              },
              "bench-load-" + i)
          .start();
    }
    done.await();
    double seconds = (System.nanoTime() - started) / 1e9;
    return new Segment(
        ok.get(),
        failed.get(),
        seconds,
        cpu.seconds() - cpuBefore,
        cpu.threadSeconds(PACK_THREADS) - packBefore);
  }

  /** Latency of {@code count} requests sent one after another, in milliseconds. */
  List<Double> latencies(String form, int count) {
    List<Double> millis = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      long started = System.nanoTime();
      int status = send(form);
      millis.add((System.nanoTime() - started) / 1e6);
      if (status != 200) {
        throw new IllegalStateException("token request failed: HTTP " + status);
      }
    }
    return millis;
  }

  int send(String form) {
    HttpRequest request =
        HttpRequest.newBuilder(tokenEndpoint)
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build();
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }
}

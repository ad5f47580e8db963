package io.kcuserdata.it.harness;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** For what the server does in the background after a request returns (the login tally). */
public final class Eventually {

  private static final Duration WITHIN = Duration.ofSeconds(10);

  private Eventually() {}

  /** The first value read that is {@code ready}, else the last one read after ten seconds. */
  public static <T> T read(Supplier<T> read, Predicate<T> ready) {
    long deadline = System.nanoTime() + WITHIN.toNanos();
    T value = read.get();
    while (!ready.test(value) && System.nanoTime() < deadline) {
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return value;
      }
      value = read.get();
    }
    return value;
  }

  /** Gives background work that would follow a request the time it takes when it does happen. */
  public static void settle() {
    try {
      Thread.sleep(500);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

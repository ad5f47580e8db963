package io.kcuserdata.core.net.http;

import java.time.Duration;

/** The moment a whole call (token fetch, connect, send, read) must be over by. */
public record Deadline(long atNanos) {

  public static Deadline in(Duration budget) {
    return new Deadline(System.nanoTime() + budget.toNanos());
  }

  public long remainingMillis() {
    return Math.max(0, (atNanos - System.nanoTime()) / 1_000_000);
  }

  public boolean passed() {
    return System.nanoTime() - atNanos >= 0;
  }
}

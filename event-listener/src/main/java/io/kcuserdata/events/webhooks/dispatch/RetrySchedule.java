package io.kcuserdata.events.webhooks.dispatch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * When a failed delivery is tried again: the Standard Webhooks schedule by default (5 s, 5 min, 30
 * min, 2 h, 5 h, 10 h, 10 h after the first, second, … failure), each delay varied by up to ±20 %
 * so endpoints that failed together are not retried in lockstep. A message that fails once more
 * than the schedule has entries is kept as failed.
 */
public final class RetrySchedule {

  public static final String STANDARD = "5s,5m,30m,2h,5h,10h,10h";

  private static final double JITTER = 0.2;

  private final List<Duration> delays;

  private RetrySchedule(List<Duration> delays) {
    this.delays = List.copyOf(delays);
  }

  public static RetrySchedule standard() {
    return parse(STANDARD);
  }

  /**
   * Reads {@code 5s,5m,30m,2h}: numbers with {@code ms}, {@code s}, {@code m}, {@code h} or {@code
   * d}; an empty schedule retries never.
   *
   * @throws IllegalArgumentException naming the bad entry
   */
  public static RetrySchedule parse(String text) {
    List<Duration> delays = new ArrayList<>();
    if (text != null && !text.isBlank()) {
      for (String part : text.split(",")) {
        delays.add(duration(part.strip().toLowerCase(Locale.ROOT)));
      }
    }
    return new RetrySchedule(delays);
  }

  private static Duration duration(String part) {
    int unitAt = 0;
    while (unitAt < part.length() && Character.isDigit(part.charAt(unitAt))) {
      unitAt++;
    }
    if (unitAt == 0 || unitAt > 9) {
      throw new IllegalArgumentException("retry delay '" + part + "' is not a number with a unit");
    }
    long amount = Long.parseLong(part.substring(0, unitAt));
    switch (part.substring(unitAt)) {
      case "ms":
        return Duration.ofMillis(amount);
      case "s":
        return Duration.ofSeconds(amount);
      case "m":
        return Duration.ofMinutes(amount);
      case "h":
        return Duration.ofHours(amount);
      case "d":
        return Duration.ofDays(amount);
      default:
        throw new IllegalArgumentException(
            "retry delay '" + part + "' needs a unit: ms, s, m, h or d");
    }
  }

  /** How many attempts a message gets in all: the first and one per delay. */
  public int maxAttempts() {
    return delays.size() + 1;
  }

  /**
   * The wait before the next attempt after {@code failedAttempts} failures, or empty when the
   * message has had all its attempts.
   */
  public Optional<Duration> next(int failedAttempts, RandomGenerator random) {
    if (failedAttempts < 1 || failedAttempts > delays.size()) {
      return Optional.empty();
    }
    Duration base = delays.get(failedAttempts - 1);
    double factor = 1 + (random.nextDouble() * 2 - 1) * JITTER;
    return Optional.of(Duration.ofMillis(Math.round(base.toMillis() * factor)));
  }

  @Override
  public String toString() {
    return delays.toString();
  }
}

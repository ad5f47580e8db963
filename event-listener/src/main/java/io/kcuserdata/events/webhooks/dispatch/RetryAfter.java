package io.kcuserdata.events.webhooks.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** A receiver's {@code Retry-After} (RFC 9110: seconds, or an HTTP date), capped at a day. */
public final class RetryAfter {

  static final Duration MAX = Duration.ofDays(1);

  private RetryAfter() {}

  public static Optional<Duration> parse(String header, Instant now) {
    if (header == null || header.isBlank()) {
      return Optional.empty();
    }
    String value = header.strip();
    try {
      if (value.chars().allMatch(Character::isDigit)) {
        // More than nine digits is more than a day anyway (and could overflow a long).
        return Optional.of(
            value.length() > 9 ? MAX : cap(Duration.ofSeconds(Long.parseLong(value))));
      }
      Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      Duration wait = Duration.between(now, at);
      return Optional.of(wait.isNegative() ? Duration.ZERO : cap(wait));
    } catch (DateTimeParseException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static Duration cap(Duration wait) {
    return wait.compareTo(MAX) > 0 ? MAX : wait;
  }
}

package io.kcuserdata.events.webhooks.catalog;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * RFC 3339 in UTC with exactly three fraction digits. {@code Instant.toString()} is not used: it
 * drops the fraction on a whole second and prints micro- or nanoseconds otherwise, and receivers
 * parsing with a fixed pattern would break on either.
 */
final class Rfc3339 {

  private static final DateTimeFormatter MILLIS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  private Rfc3339() {}

  static String format(Instant instant) {
    return MILLIS.format(instant);
  }

  static String formatEpochMillis(long epochMillis) {
    return format(Instant.ofEpochMilli(epochMillis));
  }
}

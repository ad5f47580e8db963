package io.kcuserdata.events.status.fold;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kcuserdata.core.status.StatusKey;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * What one successful login changes in the {@code status} namespace. Kept apart from the listener
 * so the rules can be tested without a Keycloak session.
 */
public final class LoginTally {

  private LoginTally() {}

  /**
   * The {@code status} namespace after a login: {@code last_login_at} (RFC 3339 with milliseconds),
   * {@code last_login_ip} (removed when unknown, not left showing the previous login's address) and
   * {@code login_count} (a number).
   *
   * @param status the namespace now; not changed
   */
  public static ObjectNode afterLogin(ObjectNode status, Instant at, String ip) {
    return afterLogins(status, 1, at, ip);
  }

  /**
   * The {@code status} namespace after {@code count} logins, the latest at {@code at} from {@code
   * ip}. A recorded last login later than {@code at} (another node's clock) stays.
   *
   * @param status the namespace now; not changed
   */
  public static ObjectNode afterLogins(ObjectNode status, long count, Instant at, String ip) {
    ObjectNode next = status.deepCopy();
    Instant recorded = instant(status.get(StatusKey.LAST_LOGIN_AT.key()));
    if (recorded == null || !recorded.isAfter(at)) {
      next.put(StatusKey.LAST_LOGIN_AT.key(), at.truncatedTo(ChronoUnit.MILLIS).toString());
      if (ip == null || ip.isBlank()) {
        next.remove(StatusKey.LAST_LOGIN_IP.key());
      } else {
        next.put(StatusKey.LAST_LOGIN_IP.key(), ip);
      }
    }
    next.put(
        StatusKey.LOGIN_COUNT.key(), nextCount(status.get(StatusKey.LOGIN_COUNT.key()), count));
    return next;
  }

  static long nextCount(JsonNode previous) {
    return nextCount(previous, 1);
  }

  static long nextCount(JsonNode previous, long added) {
    if (previous == null) {
      return added;
    }
    long count;
    if (previous.isIntegralNumber()) {
      count = previous.asLong();
    } else {
      try {
        // A count another writer stored as text.
        count = Long.parseLong(previous.asText().trim());
      } catch (NumberFormatException e) {
        return added;
      }
    }
    // A count that was tampered with restarts rather than breaking the login.
    return count < 0 || count > Long.MAX_VALUE - added ? added : count + added;
  }

  private static Instant instant(JsonNode value) {
    if (value == null || !value.isTextual()) {
      return null;
    }
    try {
      return Instant.parse(value.textValue());
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}

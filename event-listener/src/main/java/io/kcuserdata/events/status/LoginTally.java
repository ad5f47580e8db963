package io.kcuserdata.events.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kcuserdata.core.status.StatusKey;
import java.time.Instant;
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
    ObjectNode next = status.deepCopy();
    next.put(StatusKey.LAST_LOGIN_AT.key(), at.truncatedTo(ChronoUnit.MILLIS).toString());
    if (ip == null || ip.isBlank()) {
      next.remove(StatusKey.LAST_LOGIN_IP.key());
    } else {
      next.put(StatusKey.LAST_LOGIN_IP.key(), ip);
    }
    next.put(StatusKey.LOGIN_COUNT.key(), nextCount(status.get(StatusKey.LOGIN_COUNT.key())));
    return next;
  }

  static long nextCount(JsonNode previous) {
    if (previous == null) {
      return 1;
    }
    long count;
    if (previous.isIntegralNumber()) {
      count = previous.asLong();
    } else {
      try {
        // A count another writer stored as text.
        count = Long.parseLong(previous.asText().trim());
      } catch (NumberFormatException e) {
        return 1;
      }
    }
    // A count that was tampered with restarts rather than breaking the login.
    return count < 0 || count == Long.MAX_VALUE ? 1 : count + 1;
  }
}

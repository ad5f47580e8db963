package io.kcuserdata.events.status;

import io.kcuserdata.core.status.StatusKey;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one successful login changes in the {@code status} namespace. Kept apart from the listener
 * so the rules can be tested without a Keycloak session.
 */
public final class LoginTally {

  private LoginTally() {}

  /**
   * The attribute values after a login.
   *
   * @param previousCount the stored {@code status.login_count}, or {@code null} for a first login
   * @param at when the login happened
   * @param ip the client address, or {@code null} when Keycloak did not know it
   * @return attribute name to new value; a {@code null} value means the attribute is removed
   */
  public static Map<String, String> afterLogin(String previousCount, Instant at, String ip) {
    Map<String, String> updates = new LinkedHashMap<>();
    updates.put(StatusKey.LAST_LOGIN_AT.attribute(), at.truncatedTo(ChronoUnit.MILLIS).toString());
    // An unknown address is recorded as unknown, not left showing the previous login's address.
    updates.put(StatusKey.LAST_LOGIN_IP.attribute(), ip == null || ip.isBlank() ? null : ip);
    updates.put(StatusKey.LOGIN_COUNT.attribute(), Long.toString(nextCount(previousCount)));
    return updates;
  }

  static long nextCount(String previousCount) {
    if (previousCount == null) {
      return 1;
    }
    try {
      long previous = Long.parseLong(previousCount.trim());
      // A count that was tampered with restarts rather than breaking the login.
      return previous < 0 || previous == Long.MAX_VALUE ? 1 : previous + 1;
    } catch (NumberFormatException e) {
      return 1;
    }
  }
}

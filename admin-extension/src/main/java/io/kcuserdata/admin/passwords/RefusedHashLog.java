package io.kcuserdata.admin.passwords;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Tells operators which stored credentials a hash ceiling keeps from signing in: once per
 * credential id (every attempt would flood the log), by id and cost, never the hash.
 */
final class RefusedHashLog {

  private static final Logger LOG = Logger.getLogger(RefusedHashLog.class);

  // Enough for any real backlog; past it, further credentials are logged at debug level only.
  static final int REMEMBERED = 10_000;

  private final Set<String> logged = ConcurrentHashMap.newKeySet();

  /**
   * Whether this is the first report of {@code credentialId}, which is then logged as a warning.
   */
  boolean report(String credentialId, String algorithm, String what, int limit, String option) {
    String id = credentialId == null ? "(not stored)" : credentialId;
    boolean first = logged.size() < REMEMBERED && logged.add(id);
    LOG.logf(
        first ? Logger.Level.WARN : Logger.Level.DEBUG,
        "%s credential %s: %s is above the limit of %d (SPI option %s of %s/%s), so no password"
            + " can sign in with it; set a new password for its user, or raise the limit",
        algorithm,
        id,
        what,
        limit,
        option,
        HashCeilings.SPI,
        HashCeilings.PROVIDER);
    return first;
  }
}

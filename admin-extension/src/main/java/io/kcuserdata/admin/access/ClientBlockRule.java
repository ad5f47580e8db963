package io.kcuserdata.admin.access;

import com.fasterxml.jackson.databind.JsonNode;
import io.kcuserdata.core.status.StatusKey;
import java.util.LinkedHashSet;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Decides whether a user's {@code status} namespace blocks a client. Kept apart from Keycloak's
 * types so the rule can be tested alone.
 *
 * <p>Malformed data never blocks anyone: a guard that fails closed on a typo would lock a user out
 * of every application at once, while the worst case of failing open is the state before an admin
 * set the block. Nothing read from the user is logged, only the shape that was wrong.
 */
public final class ClientBlockRule {

  private static final Logger LOG = Logger.getLogger(ClientBlockRule.class);

  private ClientBlockRule() {}

  /**
   * Whether {@code clientId} is listed in {@code status.blocked_clients}.
   *
   * @param status the user's {@code status} namespace, or null when the user has none
   */
  public static boolean blocks(JsonNode status, String clientId) {
    return clientId != null && listed(status).contains(clientId);
  }

  /** The client ids listed in {@code status.blocked_clients}; empty when absent or malformed. */
  public static Set<String> listed(JsonNode status) {
    if (status == null) {
      return Set.of();
    }
    JsonNode list = status.path(StatusKey.BLOCKED_CLIENTS.key());
    if (list.isMissingNode() || list.isNull()) {
      return Set.of();
    }
    if (!list.isArray()) {
      LOG.debugf(
          "%s is a JSON %s, not an array: ignored",
          StatusKey.BLOCKED_CLIENTS.attribute(), list.getNodeType());
      return Set.of();
    }
    Set<String> ids = new LinkedHashSet<>();
    int ignored = 0;
    for (JsonNode element : list) {
      if (element.isTextual()) {
        ids.add(element.textValue());
      } else {
        ignored++;
      }
    }
    if (ignored > 0) {
      LOG.debugf(
          "%s holds %d elements that are not strings: ignored",
          StatusKey.BLOCKED_CLIENTS.attribute(), ignored);
    }
    return ids;
  }
}

package io.kcuserdata.events.webhooks.catalog;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The user a webhook is about, as far as it is known: a deleted user may be an id alone. Every
 * member but {@code id} may be null and is then left out of the payload.
 *
 * @param createdTimestamp Keycloak's creation time, epoch milliseconds
 * @param appMetadata the user's {@code app_metadata} namespace, sent only to endpoints that ask
 */
public record UserSummary(
    String id,
    String username,
    String email,
    Boolean emailVerified,
    String firstName,
    String lastName,
    Boolean enabled,
    Long createdTimestamp,
    ObjectNode appMetadata) {

  /** For events where the user is gone or was never loaded. */
  public static UserSummary ofId(String id) {
    return new UserSummary(id, null, null, null, null, null, null, null, null);
  }
}

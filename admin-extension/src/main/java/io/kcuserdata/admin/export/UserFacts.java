package io.kcuserdata.admin.export;

import java.util.List;
import java.util.Map;

/**
 * What an export says about one user, gathered either from Keycloak's user model (one person) or in
 * batches from the database (a bulk export); {@link RecordBuilder} turns both into the same record.
 * Lists are in the record's order: sorted, credentials by priority.
 */
public record UserFacts(
    String id,
    String username,
    String firstName,
    String lastName,
    String email,
    boolean emailVerified,
    boolean enabled,
    Long createdTimestamp,
    Map<String, List<String>> attributes,
    List<Link> identities,
    List<String> realmRoles,
    Map<String, List<String>> clientRoles,
    List<String> groups,
    List<String> organizations,
    List<Credential> credentials,
    List<String> requiredActions) {

  /** A linked identity at a provider. */
  public record Link(String provider, String userId, String userName) {}

  /** A credential described, never copied: its type, creation date and label. */
  public record Credential(String type, Long createdDate, String label) {}
}

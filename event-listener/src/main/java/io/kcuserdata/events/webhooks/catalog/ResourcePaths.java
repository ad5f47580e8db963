package io.kcuserdata.events.webhooks.catalog;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads admin-event resource paths. Keycloak writes them realm-relative, without a leading slash
 * ({@code users/<id>}, {@code organizations/<orgId>/members/<userId>}); the pack's own admin API
 * lives under {@code user-data/}, so its paths ({@code user-data/users/<id>/suspend}) read the same
 * once that prefix is skipped.
 */
final class ResourcePaths {

  private static final String PACK_PREFIX = "user-data";
  private static final String USERS = "users";
  private static final String ORGANIZATIONS = "organizations";
  private static final String MEMBERS = "members";
  private static final String FEDERATED_IDENTITY = "federated-identity";

  /**
   * Sub-resources that sit where an id would ({@code users/count}, {@code members/invite-user}):
   * Keycloak emits admin events on some of them, and none of them is a user or an organization.
   */
  private static final Set<String> NOT_IDS =
      Set.of("count", "profile", MEMBERS, "invite-user", "invite-existing-user", "invitations");

  private ResourcePaths() {}

  static Optional<String> userId(String path) {
    List<String> s = segments(path);
    if (s.size() >= 2 && USERS.equals(s.get(0))) {
      return id(s.get(1));
    }
    if (isMembership(s) && s.size() == 4) {
      return id(s.get(3));
    }
    return Optional.empty();
  }

  static Optional<String> organizationId(String path) {
    List<String> s = segments(path);
    return s.size() >= 2 && ORGANIZATIONS.equals(s.get(0)) ? id(s.get(1)) : Optional.empty();
  }

  /** {@code users/<id>} itself, not one of its sub-resources. */
  static boolean isUserItself(String path) {
    List<String> s = segments(path);
    return s.size() == 2 && USERS.equals(s.get(0)) && id(s.get(1)).isPresent();
  }

  /** {@code users/<id>/federated-identity/<alias>}: an identity-provider link of one user. */
  static boolean isFederatedIdentity(String path) {
    List<String> s = segments(path);
    return s.size() == 4 && USERS.equals(s.get(0)) && FEDERATED_IDENTITY.equals(s.get(2));
  }

  /**
   * {@code organizations/<orgId>/members} (Keycloak's add-member POST, the user id in the body) or
   * {@code organizations/<orgId>/members/<userId>}; not the invitations, which share the resource
   * type {@code ORGANIZATION_MEMBERSHIP}.
   */
  static boolean isMembership(String path) {
    return isMembership(segments(path));
  }

  static boolean endsWith(String path, String lastSegment) {
    List<String> s = segments(path);
    return !s.isEmpty() && lastSegment.equals(s.get(s.size() - 1));
  }

  private static boolean isMembership(List<String> s) {
    boolean members =
        (s.size() == 3 || s.size() == 4)
            && ORGANIZATIONS.equals(s.get(0))
            && MEMBERS.equals(s.get(2))
            && id(s.get(1)).isPresent();
    return members && (s.size() == 3 || id(s.get(3)).isPresent());
  }

  private static Optional<String> id(String segment) {
    return segment.isEmpty() || NOT_IDS.contains(segment) ? Optional.empty() : Optional.of(segment);
  }

  /** The path's non-empty segments, the pack's {@code user-data/} prefix dropped. */
  private static List<String> segments(String path) {
    if (path == null) {
      return List.of();
    }
    String trimmed = path.strip();
    int query = trimmed.indexOf('?');
    if (query >= 0) {
      trimmed = trimmed.substring(0, query);
    }
    List<String> s = Arrays.stream(trimmed.split("/")).filter(p -> !p.isEmpty()).toList();
    return !s.isEmpty() && PACK_PREFIX.equals(s.get(0)) ? s.subList(1, s.size()) : s;
  }
}

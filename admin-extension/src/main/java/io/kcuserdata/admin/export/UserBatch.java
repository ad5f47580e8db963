package io.kcuserdata.admin.export;

import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.keycloak.models.ClientModel;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * The facts of a page of users in seven queries, whatever the page's size: reading each user
 * through the model costs about ten queries per user, which makes a bulk export slower than paging
 * the users endpoint. JPQL over Keycloak's JPA entities (with {@link UserPages} and {@link
 * DataColumns}, the export's touch points with them); roles and groups resolve through the realm's
 * cache.
 */
final class UserBatch {

  private final KeycloakSession session;
  private final RealmModel realm;
  private final EntityManager em;
  private final Map<String, String> groupPaths = new HashMap<>();

  UserBatch(KeycloakSession session, RealmModel realm, EntityManager em) {
    this.session = session;
    this.realm = realm;
    this.em = em;
  }

  /** The facts of {@code ids}, in their order; ids no longer there are left out. */
  List<UserFacts> load(List<String> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    Map<String, Object[]> users = new HashMap<>();
    rows(
            "select u.id, u.username, u.firstName, u.lastName, u.email, u.emailVerified,"
                + " u.enabled, u.createdTimestamp from UserEntity u where u.id in :ids",
            ids)
        .forEach(row -> users.put((String) row[0], row));
    Map<String, Map<String, List<String>>> attributes = new HashMap<>();
    rows(
            "select a.user.id, a.name, a.value, a.longValue from UserAttributeEntity a"
                + " where a.user.id in :ids",
            ids)
        .forEach(
            row ->
                attributes
                    .computeIfAbsent((String) row[0], k -> new HashMap<>())
                    .computeIfAbsent((String) row[1], k -> new ArrayList<>())
                    // Values over 255 characters live in their own column.
                    .add((String) (row[2] != null ? row[2] : row[3])));
    Map<String, List<UserFacts.Link>> links =
        grouped(
            "select f.user.id, f.identityProvider, f.userId, f.userName from"
                + " FederatedIdentityEntity f where f.user.id in :ids order by f.identityProvider",
            ids,
            row -> new UserFacts.Link((String) row[1], (String) row[2], (String) row[3]));
    Map<String, List<RoleModel>> roles =
        grouped(
            "select m.user.id, m.roleId from UserRoleMappingEntity m where m.user.id in :ids",
            ids,
            row -> realm.getRoleById((String) row[1]));
    Map<String, List<String>> groups =
        grouped(
            "select m.user.id, m.groupId from UserGroupMembershipEntity m where m.user.id in :ids",
            ids,
            row -> (String) row[1]);
    Map<String, List<UserFacts.Credential>> credentials =
        grouped(
            "select c.user.id, c.type, c.createdDate, c.userLabel from CredentialEntity c"
                + " where c.user.id in :ids order by c.priority",
            ids,
            row -> new UserFacts.Credential((String) row[1], (Long) row[2], (String) row[3]));
    Map<String, List<String>> actions =
        grouped(
            "select r.user.id, r.action from UserRequiredActionEntity r where r.user.id in :ids",
            ids,
            row -> (String) row[1]);
    Map<String, String> organizations = organizationsByGroup();
    List<UserFacts> facts = new ArrayList<>(ids.size());
    for (String id : ids) {
      Object[] u = users.get(id);
      if (u == null) {
        continue;
      }
      List<RoleModel> mapped = roles.getOrDefault(id, List.of());
      List<String> memberOf = groups.getOrDefault(id, List.of());
      facts.add(
          new UserFacts(
              id,
              (String) u[1],
              (String) u[2],
              (String) u[3],
              (String) u[4],
              Boolean.TRUE.equals(u[5]),
              Boolean.TRUE.equals(u[6]),
              (Long) u[7],
              attributes.getOrDefault(id, Map.of()),
              links.getOrDefault(id, List.of()),
              mapped.stream()
                  .filter(r -> r != null && !r.isClientRole())
                  .map(RoleModel::getName)
                  .sorted()
                  .toList(),
              clientRoles(mapped),
              memberOf.stream()
                  .filter(g -> !organizations.containsKey(g))
                  .map(this::groupPath)
                  .filter(p -> p != null)
                  .sorted()
                  .toList(),
              memberOf.stream().map(organizations::get).filter(a -> a != null).sorted().toList(),
              credentials.getOrDefault(id, List.of()),
              actions.getOrDefault(id, List.of()).stream().sorted().toList()));
    }
    return facts;
  }

  private static Map<String, List<String>> clientRoles(List<RoleModel> mapped) {
    Map<String, List<String>> byClient = new TreeMap<>();
    for (RoleModel role : mapped) {
      if (role != null && role.isClientRole()) {
        byClient.merge(
            ((ClientModel) role.getContainer()).getClientId(),
            List.of(role.getName()),
            Sorted::concat);
      }
    }
    return byClient;
  }

  private String groupPath(String groupId) {
    return groupPaths.computeIfAbsent(
        groupId,
        id -> {
          GroupModel group = session.groups().getGroupById(realm, id);
          return group == null ? null : KeycloakModelUtils.buildGroupPath(group);
        });
  }

  /** Organization aliases by the id of the hidden group Keycloak keeps their members in. */
  private Map<String, String> organizationsByGroup() {
    if (!realm.isOrganizationsEnabled()) {
      return Map.of();
    }
    Map<String, String> byGroup = new HashMap<>();
    em.createQuery(
            "select o.groupId, o.alias from OrganizationEntity o where o.realmId = :realmId",
            Object[].class)
        .setParameter("realmId", realm.getId())
        .getResultStream()
        .forEach(row -> byGroup.put((String) row[0], (String) row[1]));
    return byGroup;
  }

  private List<Object[]> rows(String jpql, List<String> ids) {
    return em.createQuery(jpql, Object[].class).setParameter("ids", ids).getResultList();
  }

  private <T> Map<String, List<T>> grouped(
      String jpql, List<String> ids, Function<Object[], T> value) {
    Map<String, List<T>> byUser = new LinkedHashMap<>();
    for (Object[] row : rows(jpql, ids)) {
      byUser.computeIfAbsent((String) row[0], k -> new ArrayList<>()).add(value.apply(row));
    }
    return byUser;
  }
}

package io.kcuserdata.admin.delegation;

import io.kcuserdata.admin.delegation.MemberProtection.HeldRole;
import io.kcuserdata.admin.delegation.MemberProtection.Reason;
import io.kcuserdata.admin.http.ApiError;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.keycloak.authorization.fgap.AdminPermissionsSchema;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.RoleUtils;
import org.keycloak.organization.OrganizationProvider;

/** {@link MemberProtection} applied to a user of the realm, from what Keycloak holds about them. */
final class ProtectedMembers {

  private ProtectedMembers() {}

  /** Refuses with 403 when the member is out of a delegated admin's reach. */
  static void requireUnprotected(KeycloakSession session, RealmModel realm, UserModel member) {
    Optional<Reason> reason = reason(session, realm, member);
    if (reason.isPresent()) {
      throw ApiError.forbidden(reason.get().refusal());
    }
  }

  static Optional<Reason> reason(KeycloakSession session, RealmModel realm, UserModel member) {
    RoleModel defaultRole = realm.getDefaultRole();
    Set<RoleModel> defaults =
        defaultRole == null ? Set.of() : RoleUtils.expandCompositeRoles(Set.of(defaultRole));
    return MemberProtection.of(
        realm.getName(),
        member.getServiceAccountClientLink() != null,
        held(RoleUtils.getDeepUserRoleMappings(member)),
        held(defaults),
        () -> isDelegatedAdmin(session, member));
  }

  /**
   * Any organization of the realm naming the member, found through the attribute's index rather
   * than by reading every organization. The realm's whole truth, not what the caller may see: the
   * search runs without the fine-grained admin permissions' filters.
   */
  private static boolean isDelegatedAdmin(KeycloakSession session, UserModel member) {
    OrganizationProvider organizations = session.getProvider(OrganizationProvider.class);
    if (organizations == null) {
      return false;
    }
    Supplier<Boolean> search =
        () ->
            organizations
                .getAllStream(Map.of(DelegatedAdmins.ATTRIBUTE, member.getId()), null, null)
                .anyMatch(organization -> DelegatedAdmins.administers(organization, member));
    return AdminPermissionsSchema.runWithoutAuthorization(session, search);
  }

  private static Set<HeldRole> held(Set<RoleModel> roles) {
    return roles.stream().map(ProtectedMembers::held).collect(Collectors.toSet());
  }

  private static HeldRole held(RoleModel role) {
    return role.getContainer() instanceof ClientModel client
        ? HeldRole.client(client.getClientId(), role.getName())
        : HeldRole.realm(role.getName());
  }
}

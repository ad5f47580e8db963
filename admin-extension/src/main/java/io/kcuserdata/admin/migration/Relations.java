package io.kcuserdata.admin.migration;

import java.util.List;
import java.util.Map;
import org.keycloak.models.ClientModel;
import org.keycloak.models.FederatedIdentityModel;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.organization.OrganizationProvider;

/**
 * Adds what an import line says a user belongs to: linked identities, roles, groups, organizations
 * and required actions. Additive: an import never takes anything away. Everything named must exist
 * in the realm, and each role, group and organization added must be the caller's to give, or the
 * line fails as a whole.
 */
final class Relations {

  private static final String DEFAULT_ROLES = "default-roles-";

  private final KeycloakSession session;
  private final RealmModel realm;
  private final LineAuthorization<UserModel, RoleModel, GroupModel, OrganizationModel> auth;

  Relations(
      KeycloakSession session,
      RealmModel realm,
      LineAuthorization<UserModel, RoleModel, GroupModel, OrganizationModel> auth) {
    this.session = session;
    this.realm = realm;
    this.auth = auth;
  }

  /** Whether anything was added. */
  boolean apply(UserModel user, ImportRecord r) {
    boolean changed = false;
    for (ImportRecord.Link link : r.identities()) {
      if (realm.getIdentityProviderByAlias(link.provider()) == null) {
        throw new InvalidLineException(
            "no identity provider '" + link.provider() + "' in the realm");
      }
      FederatedIdentityModel existing =
          session.users().getFederatedIdentity(realm, user, link.provider());
      if (existing != null && existing.getUserId().equals(link.userId())) {
        continue;
      }
      if (existing != null) {
        session.users().removeFederatedIdentity(realm, user, link.provider());
      }
      session
          .users()
          .addFederatedIdentity(
              realm,
              user,
              new FederatedIdentityModel(link.provider(), link.userId(), link.userName()));
      changed = true;
    }
    for (String name : r.realmRoles()) {
      // Each realm names its default roles after itself; an export from another realm maps here.
      RoleModel role =
          name.startsWith(DEFAULT_ROLES) ? realm.getDefaultRole() : realm.getRole(name);
      changed |= grant(user, role, "realm role '" + name + "'");
    }
    for (Map.Entry<String, List<String>> entry : r.clientRoles().entrySet()) {
      ClientModel client = realm.getClientByClientId(entry.getKey());
      if (client == null) {
        throw new InvalidLineException("no client '" + entry.getKey() + "' in the realm");
      }
      for (String name : entry.getValue()) {
        changed |= grant(user, client.getRole(name), "role '" + name + "' of " + entry.getKey());
      }
    }
    for (String path : r.groups()) {
      GroupModel group = KeycloakModelUtils.findGroupByPath(session, realm, path);
      if (group == null) {
        throw new InvalidLineException("no group '" + path + "' in the realm");
      }
      if (!user.isMemberOf(group)) {
        auth.mayJoin(user, group, path);
        user.joinGroup(group);
        changed = true;
      }
    }
    changed |= organizations(user, r.organizations());
    for (String action : r.requiredActions()) {
      if (user.getRequiredActionsStream().noneMatch(action::equals)) {
        user.addRequiredAction(action);
        changed = true;
      }
    }
    return changed;
  }

  private boolean grant(UserModel user, RoleModel role, String what) {
    if (role == null) {
      throw new InvalidLineException("no " + what + " in the realm");
    }
    if (user.hasDirectRole(role)) {
      return false;
    }
    auth.mayMapRole(user, role);
    user.grantRole(role);
    return true;
  }

  private boolean organizations(UserModel user, List<String> aliases) {
    if (aliases.isEmpty()) {
      return false;
    }
    OrganizationProvider organizations = session.getProvider(OrganizationProvider.class);
    if (!realm.isOrganizationsEnabled() || organizations == null) {
      throw new InvalidLineException("organizations are not enabled in the realm");
    }
    boolean changed = false;
    for (String alias : aliases) {
      OrganizationModel organization = organizations.getByAlias(alias);
      if (organization == null) {
        throw new InvalidLineException("no organization '" + alias + "' in the realm");
      }
      if (!organizations.isMember(organization, user)) {
        auth.mayAddToOrganization(user, organization, alias);
        organizations.addMember(organization, user);
        changed = true;
      }
    }
    return changed;
  }
}

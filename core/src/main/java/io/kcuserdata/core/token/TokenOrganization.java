package io.kcuserdata.core.token;

import java.util.List;
import java.util.Optional;
import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.organization.protocol.mappers.oidc.OrganizationScope;
import org.keycloak.organization.utils.Organizations;

/**
 * The organization a token is issued for, found the way Keycloak's own {@code
 * OrganizationMembershipMapper} (26.x) finds it: the organization of the request's context (set
 * when the user picked one at login), else those granted by the {@code organization} scope the
 * client requested ({@code organization}, {@code organization:<alias>}, {@code organization:*}).
 * Only a single enabled organization the user belongs to counts; several, or none, give none.
 */
public final class TokenOrganization {

  private TokenOrganization() {}

  public static Optional<OrganizationModel> of(
      KeycloakSession session, UserModel user, ClientSessionContext clientSessionCtx) {
    RealmModel realm = session.getContext().getRealm();
    if (user == null
        || realm == null
        || !realm.isOrganizationsEnabled()
        || !Organizations.isEnabled(session)) {
      return Optional.empty();
    }
    List<OrganizationModel> candidates;
    OrganizationModel current = session.getContext().getOrganization();
    if (current != null) {
      candidates = List.of(current);
    } else {
      String scopes = clientSessionCtx.getScopeString(true);
      OrganizationScope scope = OrganizationScope.valueOfScope(session, scopes);
      candidates =
          scope == null ? List.of() : scope.resolveOrganizations(user, scopes, session).toList();
    }
    if (candidates.size() != 1) {
      return Optional.empty();
    }
    OrganizationModel organization = candidates.get(0);
    return organization.isEnabled() && organization.isMember(user)
        ? Optional.of(organization)
        : Optional.empty();
  }
}

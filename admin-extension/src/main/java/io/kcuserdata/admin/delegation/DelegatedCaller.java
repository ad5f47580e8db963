package io.kcuserdata.admin.delegation;

import io.kcuserdata.admin.http.ApiError;
import io.kcuserdata.core.access.Caller;
import java.util.Set;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.representations.AccessToken;
import org.keycloak.services.cors.Cors;
import org.keycloak.services.managers.AppAuthManager;
import org.keycloak.services.managers.AuthenticationManager.AuthResult;
import org.keycloak.services.resources.admin.AdminAuth;
import org.keycloak.services.resources.admin.AdminEventBuilder;

/**
 * A delegated admin calling with their own access token for one organization they administer. An
 * organization they do not administer answers 404, as if it did not exist: the caller learns
 * nothing about it. Their admin events name them as the actor.
 */
final class DelegatedCaller {

  private final UserModel admin;
  private final OrganizationModel organization;
  private final AdminEventBuilder events;

  private DelegatedCaller(
      UserModel admin, OrganizationModel organization, AdminEventBuilder events) {
    this.admin = admin;
    this.organization = organization;
    this.events = events;
  }

  /**
   * The bearer token's user, who must be a person, not a service account, calling with a token
   * issued to a client {@code clients} accepts.
   */
  static AuthResult user(KeycloakSession session, DelegatedAdminClients clients) {
    AuthResult result = new AppAuthManager.BearerTokenAuthenticator(session).authenticate();
    if (result == null) {
      throw ApiError.unauthorized("a valid bearer token of this realm's user is required");
    }
    clients.requireAccepted(result.token().getIssuedFor());
    if (result.user().getServiceAccountClientLink() != null) {
      throw ApiError.forbidden("service accounts cannot be delegated admins");
    }
    Cors.builder()
        .checkAllowedOrigins(result.token())
        .allowedMethods("GET", "POST", "PATCH", "DELETE")
        .auth()
        .add();
    return result;
  }

  static DelegatedCaller authenticate(
      KeycloakSession session, DelegatedAdminClients clients, String orgId) {
    RealmModel realm = session.getContext().getRealm();
    AuthResult result = user(session, clients);
    UserModel admin = result.user();
    AccessToken token = result.token();
    OrganizationModel organization = RealmOrganizations.byId(session, realm, orgId);
    if (organization == null || !DelegatedAdmins.administers(organization, admin)) {
      throw ApiError.notFound("no organization " + orgId + " that you administer");
    }
    ClientModel client = realm.getClientByClientId(token.getIssuedFor());
    AdminEventBuilder events =
        new AdminEventBuilder(
            realm,
            new AdminAuth(realm, token, admin, client),
            session,
            session.getContext().getConnection());
    return new DelegatedCaller(admin, organization, events);
  }

  UserModel admin() {
    return admin;
  }

  OrganizationModel organization() {
    return organization;
  }

  AdminEventBuilder events() {
    return events;
  }

  /** What the access table lets this caller do: this organization's data only. */
  Caller caller() {
    return Caller.delegatedAdmin(Set.of(organization.getAlias()));
  }
}

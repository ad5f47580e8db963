package io.kcuserdata.admin.webhooks;

import io.kcuserdata.admin.http.ApiError;
import java.util.Optional;
import org.keycloak.Token;
import org.keycloak.common.util.Encode;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.representations.AccessToken;
import org.keycloak.services.resources.admin.AdminAuth;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;
import org.keycloak.services.resources.admin.fgap.AdminPermissions;

/**
 * The admin behind a change of a component, as Keycloak's permission evaluator. Component hooks get
 * no caller from Keycloak; the admin API's authentication leaves the caller's token in the
 * session's context, and the evaluator is rebuilt from it.
 */
final class ComponentCaller {

  private ComponentCaller() {}

  /**
   * The caller's permissions in {@code realm}; empty when no request carries a token, as when the
   * server imports a realm at startup (the operator's own act).
   *
   * @throws ApiError 403 when the token names no admin of this server
   */
  static Optional<WebhookPermissions> permissions(KeycloakSession session, RealmModel realm) {
    Token bearer = session.getContext().getBearerToken();
    if (bearer == null) {
      return Optional.empty();
    }
    if (!(bearer instanceof AccessToken token)) {
      throw ApiError.forbidden("the caller is no admin of this server");
    }
    return Optional.of(WebhookPermissions.of(evaluator(session, realm, token)));
  }

  private static AdminPermissionEvaluator evaluator(
      KeycloakSession session, RealmModel realm, AccessToken token) {
    // As Keycloak's admin authentication finds the admin's realm: the issuer's last segment.
    String issuer = token.getIssuer() == null ? "" : token.getIssuer();
    RealmModel adminRealm =
        session
            .realms()
            .getRealmByName(Encode.decodePath(issuer.substring(issuer.lastIndexOf('/') + 1)));
    UserModel admin =
        adminRealm == null || token.getSubject() == null
            ? null
            : session.users().getUserById(adminRealm, token.getSubject());
    ClientModel client =
        adminRealm == null || token.getIssuedFor() == null
            ? null
            : adminRealm.getClientByClientId(token.getIssuedFor());
    if (admin == null || client == null) {
      throw ApiError.forbidden("the caller is no admin of this server");
    }
    return AdminPermissions.evaluator(
        session, realm, new AdminAuth(adminRealm, token, admin, client));
  }
}

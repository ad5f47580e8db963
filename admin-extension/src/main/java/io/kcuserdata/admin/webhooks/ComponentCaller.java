package io.kcuserdata.admin.webhooks;

import java.util.Optional;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminAuth;
import org.keycloak.services.resources.admin.AdminRoot;
import org.keycloak.services.resources.admin.fgap.AdminPermissions;

/**
 * The admin behind a change of a component, as Keycloak's permission evaluator. Component hooks get
 * no caller from Keycloak, so the request's bearer token is authenticated again, the way Keycloak's
 * admin API authenticated it.
 */
final class ComponentCaller {

  private ComponentCaller() {}

  /**
   * The caller's webhook permissions in {@code realm}; empty when no request carries a token, as
   * when the server imports a realm at startup (the operator's own act).
   */
  static Optional<WebhookPermissions> permissions(KeycloakSession session, RealmModel realm) {
    if (session.getContext().getBearerToken() == null) {
      return Optional.empty();
    }
    // Keycloak's authentication sets the admin's realm as the context's; the request goes on in
    // the realm it was about.
    RealmModel current = session.getContext().getRealm();
    AdminAuth admin;
    try {
      admin = AdminRoot.authenticateRealmAdminRequest(session);
    } finally {
      session.getContext().setRealm(current);
    }
    return Optional.of(WebhookPermissions.of(AdminPermissions.evaluator(session, realm, admin)));
  }
}

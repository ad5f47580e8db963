package io.kcuserdata.admin.migration;

import java.util.Optional;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.representations.AccessToken;
import org.keycloak.services.resources.admin.AdminAuth;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;
import org.keycloak.services.resources.admin.fgap.AdminPermissions;

/**
 * The admin who sent an import, carried into each line's own session: the request's permission
 * evaluator is bound to the request's session, whose transaction has ended by the time a streamed
 * line runs, and which could not see the users earlier lines created. So each line asks a new
 * evaluator for the same caller (same token, user, client and realm), made in the line's session as
 * Keycloak makes one per admin request; fine-grained permissions (v1 and v2) are then evaluated
 * against that session's data.
 */
final class ImportCaller {

  private final String adminRealmId;
  private final String adminUserId;
  private final String clientId;
  private final AccessToken token;

  private ImportCaller(
      String adminRealmId, String adminUserId, String clientId, AccessToken token) {
    this.adminRealmId = adminRealmId;
    this.adminUserId = adminUserId;
    this.clientId = clientId;
    this.token = token;
  }

  static ImportCaller of(AdminPermissionEvaluator auth) {
    AdminAuth caller = auth.adminAuth();
    return new ImportCaller(
        caller.getRealm().getId(),
        caller.getUser().getId(),
        caller.getClient().getId(),
        caller.getToken());
  }

  /**
   * The caller's evaluator for {@code realm} in {@code session}; empty once the admin was removed
   * or disabled, as Keycloak would then refuse their next request.
   */
  Optional<AdminPermissionEvaluator> in(KeycloakSession session, RealmModel realm) {
    RealmModel adminRealm = session.realms().getRealm(adminRealmId);
    if (adminRealm == null) {
      return Optional.empty();
    }
    UserModel admin = session.users().getUserById(adminRealm, adminUserId);
    ClientModel client = adminRealm.getClientById(clientId);
    if (admin == null || !admin.isEnabled() || client == null) {
      return Optional.empty();
    }
    return Optional.of(
        AdminPermissions.evaluator(
            session, realm, new AdminAuth(adminRealm, token, admin, client)));
  }
}

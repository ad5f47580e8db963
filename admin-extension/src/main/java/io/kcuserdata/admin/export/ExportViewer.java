package io.kcuserdata.admin.export;

import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.resources.admin.AdminAuth;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;
import org.keycloak.services.resources.admin.fgap.AdminPermissions;

/**
 * Whether the caller may see one exported user. Checked in the export's own transactions, so a
 * caller with only fine-grained permissions is re-evaluated there from the caller's token.
 */
interface ExportViewer {

  boolean canView(KeycloakSession session, RealmModel realm, UserModel user);

  /** Whether every user is visible, so no user needs checking. */
  default boolean everyone() {
    return false;
  }

  /** The viewer for the request's caller, or {@code null} when the caller may see no user. */
  static ExportViewer of(AdminPermissionEvaluator auth) {
    if (auth.users().canView()) {
      return new ExportViewer() {
        @Override
        public boolean canView(KeycloakSession session, RealmModel realm, UserModel user) {
          return true;
        }

        @Override
        public boolean everyone() {
          return true;
        }
      };
    }
    if (!auth.users().canQuery()) {
      return null;
    }
    AdminAuth caller = auth.adminAuth();
    String adminRealmId = caller.getRealm().getId();
    String adminUserId = caller.getUser().getId();
    String clientId = caller.getClient().getId();
    return (session, realm, user) -> {
      RealmModel adminRealm = session.realms().getRealm(adminRealmId);
      UserModel admin = session.users().getUserById(adminRealm, adminUserId);
      ClientModel client = adminRealm.getClientById(clientId);
      if (admin == null || client == null) {
        return false;
      }
      AdminAuth rebuilt = new AdminAuth(adminRealm, caller.getToken(), admin, client);
      return AdminPermissions.evaluator(session, realm, rebuilt).users().canView(user);
    };
  }
}

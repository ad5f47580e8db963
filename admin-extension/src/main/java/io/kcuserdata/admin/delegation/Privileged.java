package io.kcuserdata.admin.delegation;

import org.keycloak.models.ClientModel;
import org.keycloak.models.Constants;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Members a delegated admin must not touch: those holding any role of the realm's {@code
 * realm-management} client, directly, by composite or by group. Otherwise an organization's admin
 * could disable or re-address the realm's own administrators.
 */
final class Privileged {

  private Privileged() {}

  static boolean isAdministrator(RealmModel realm, UserModel user) {
    ClientModel management = realm.getClientByClientId(Constants.REALM_MANAGEMENT_CLIENT_ID);
    return management != null && management.getRolesStream().anyMatch(user::hasRole);
  }
}

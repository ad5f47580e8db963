package io.kcuserdata.admin.delegation;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelException;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.organization.OrganizationProvider;

/**
 * The realm's organization with an id a caller sent. Keycloak's store throws for the id of another
 * realm's organization; to the caller that is no organization at all (404), not a server error that
 * would also tell them the id exists elsewhere.
 */
final class RealmOrganizations {

  private RealmOrganizations() {}

  /** The organization, or null when the realm has none with this id (or organizations are off). */
  static OrganizationModel byId(KeycloakSession session, RealmModel realm, String id) {
    OrganizationProvider organizations = session.getProvider(OrganizationProvider.class);
    if (!realm.isOrganizationsEnabled() || organizations == null || id == null) {
      return null;
    }
    try {
      return organizations.getById(id);
    } catch (ModelException anotherRealms) {
      return null;
    }
  }
}

package io.kcuserdata.core.spi;

import java.util.Set;
import java.util.stream.Collectors;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.organization.OrganizationProvider;

/** The aliases of the organizations a user belongs to: whose {@code org.<alias>} data they hold. */
public final class Memberships {

  private Memberships() {}

  public static Set<String> of(KeycloakSession session, RealmModel realm, UserModel user) {
    if (!realm.isOrganizationsEnabled()) {
      return Set.of();
    }
    OrganizationProvider organizations = session.getProvider(OrganizationProvider.class);
    if (organizations == null) {
      return Set.of();
    }
    return organizations
        .getByMember(user)
        .map(OrganizationModel::getAlias)
        .collect(Collectors.toUnmodifiableSet());
  }
}

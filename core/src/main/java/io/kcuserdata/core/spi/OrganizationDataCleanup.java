package io.kcuserdata.core.spi;

import io.kcuserdata.core.access.Caller;
import io.kcuserdata.core.json.Json;
import io.kcuserdata.core.namespace.Namespace;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel.OrganizationMemberLeaveEvent;
import org.keycloak.provider.ProviderEvent;
import org.keycloak.provider.ProviderEventListener;

/**
 * {@code org.<alias>} data belongs to a membership: when the membership ends, so does the data, in
 * the same transaction as the removal.
 */
final class OrganizationDataCleanup implements ProviderEventListener {

  @Override
  public void onEvent(ProviderEvent event) {
    if (event instanceof OrganizationMemberLeaveEvent leave
        && leave.getUser() != null
        && Namespace.ALIAS.matcher(leave.getOrganization().getAlias()).matches()) {
      KeycloakSession session = leave.getSession();
      session
          .getProvider(UserDataProvider.class)
          .replace(
              session.getContext().getRealm(),
              leave.getUser(),
              Caller.system(),
              Namespace.org(leave.getOrganization().getAlias()),
              Json.object(),
              null);
    }
  }
}

package io.kcuserdata.core.spi;

import io.kcuserdata.core.json.Json;
import io.kcuserdata.core.namespace.Namespace;
import io.kcuserdata.core.storage.NamespaceStore;
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
      NamespaceStore.write(
          new UserModelAttributes(leave.getUser()),
          Namespace.org(leave.getOrganization().getAlias()),
          Json.object());
    }
  }
}

package io.kcuserdata.admin.delegation;

import static io.kcuserdata.admin.http.UserDataResponses.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.kcuserdata.core.json.Json;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.organization.OrganizationProvider;

/**
 * {@code GET /realms/{realm}/user-data/organizations}: the organizations the caller administers, so
 * an application (or the delegated-admin page) knows where the caller may act. Empty for everyone
 * else.
 */
public final class AdministeredOrganizations {

  private AdministeredOrganizations() {}

  public static Response list(KeycloakSession session, DelegatedAdminClients clients) {
    UserModel caller = DelegatedCaller.user(session, clients).user();
    RealmModel realm = session.getContext().getRealm();
    OrganizationProvider organizations = session.getProvider(OrganizationProvider.class);
    ArrayNode administered = Json.NODES.arrayNode();
    if (realm.isOrganizationsEnabled() && organizations != null) {
      organizations
          .getAllStream(Map.of(DelegatedAdmins.ATTRIBUTE, caller.getId()), null, null)
          // The attribute search is the index; the check is the rule.
          .filter(organization -> DelegatedAdmins.administers(organization, caller))
          .forEach(
              organization ->
                  administered
                      .addObject()
                      .put("id", organization.getId())
                      .put("alias", organization.getAlias())
                      .put("name", organization.getName()));
    }
    return json(administered, null);
  }
}

package io.kcuserdata.admin.delegation;

import io.kcuserdata.admin.http.ActionEvents;
import io.kcuserdata.admin.http.ApiError;
import io.kcuserdata.core.json.Json;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * {@code POST /admin/realms/{realm}/user-data/delegated-admin/client}: creates, on a realm admin's
 * request, the public client the delegated-admin page signs in with: authorization code only, PKCE
 * S256 required, redirects only to the page. Asking again changes nothing.
 */
public final class DelegatedAdminClient {

  public static final String CLIENT_ID = "userdata-delegated-admin";

  private final KeycloakSession session;
  private final RealmModel realm;
  private final AdminPermissionEvaluator auth;
  private final AdminEventBuilder adminEvent;

  public DelegatedAdminClient(
      KeycloakSession session,
      RealmModel realm,
      AdminPermissionEvaluator auth,
      AdminEventBuilder adminEvent) {
    this.session = session;
    this.realm = realm;
    this.auth = auth;
    this.adminEvent = adminEvent;
  }

  @POST
  public Response create() {
    if (!auth.clients().canManage()) {
      throw ApiError.forbidden("creating the page's client needs the manage-clients permission");
    }
    String page = "/realms/" + realm.getName() + "/user-data/delegated-admin/";
    ClientModel existing = realm.getClientByClientId(CLIENT_ID);
    if (existing != null) {
      return answer(Response.Status.OK, existing, page);
    }
    ClientModel client = realm.addClient(CLIENT_ID);
    client.setName("kc-userdata delegated administration");
    client.setProtocol(OIDCLoginProtocol.LOGIN_PROTOCOL);
    client.setPublicClient(true);
    client.setStandardFlowEnabled(true);
    client.setImplicitFlowEnabled(false);
    client.setDirectAccessGrantsEnabled(false);
    client.setServiceAccountsEnabled(false);
    client.setFullScopeAllowed(false);
    // Relative to the server's own address, whatever host name it is reached by.
    client.setRootUrl("${authBaseUrl}");
    client.setBaseUrl(page);
    client.setRedirectUris(java.util.Set.of(page + "*"));
    client.setWebOrigins(java.util.Set.of("+"));
    client.setAttribute("pkce.code.challenge.method", "S256");
    client.setAttribute("post.logout.redirect.uris", "+");
    ActionEvents.record(adminEvent, session, "delegated-admin-client-created", Map.of());
    return answer(Response.Status.CREATED, client, page);
  }

  private static Response answer(Response.Status status, ClientModel client, String page) {
    return Response.status(status)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(
            Json.compact(
                Json.object()
                    .put("clientId", client.getClientId())
                    .put("id", client.getId())
                    .put("page", page)
                    .set(
                        "redirectUris",
                        Json.MAPPER.valueToTree(List.copyOf(client.getRedirectUris())))))
        .build();
  }
}

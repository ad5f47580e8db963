package io.kcuserdata.admin.delegation;

import io.kcuserdata.admin.http.ActionEvents;
import io.kcuserdata.admin.http.ApiError;
import io.kcuserdata.core.json.Json;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * {@code /admin/realms/{realm}/user-data/organizations/{orgId}/admins}: realm admins name an
 * organization's delegated admins. Naming one hands out user management, so it needs the same
 * permission as changing the organization: manage-realm.
 */
public final class DelegatedAdminsResource {

  private final KeycloakSession session;
  private final RealmModel realm;
  private final AdminPermissionEvaluator auth;
  private final AdminEventBuilder adminEvent;
  private final OrganizationModel organization;

  public DelegatedAdminsResource(
      KeycloakSession session,
      RealmModel realm,
      AdminPermissionEvaluator auth,
      AdminEventBuilder adminEvent,
      String orgId) {
    this.session = session;
    this.realm = realm;
    this.auth = auth;
    this.adminEvent = adminEvent;
    if (!auth.realm().canViewRealm()) {
      throw ApiError.forbidden("delegated admins are listed to realm admins (view-realm)");
    }
    this.organization = RealmOrganizations.byId(session, realm, orgId);
    if (organization == null) {
      throw ApiError.notFound("no organization " + orgId + " in realm " + realm.getName());
    }
  }

  @GET
  public Response list() {
    return Response.ok(Json.compact(Json.MAPPER.valueToTree(DelegatedAdmins.of(organization))))
        .type(MediaType.APPLICATION_JSON_TYPE)
        .build();
  }

  @PUT
  @Path("{userId}")
  public Response add(@PathParam("userId") String userId) {
    requireManage();
    UserModel user = session.users().getUserById(realm, userId);
    if (user == null || user.getServiceAccountClientLink() != null) {
      throw ApiError.notFound("no user " + userId + " in realm " + realm.getName());
    }
    if (DelegatedAdmins.add(organization, userId)) {
      event("delegated-admin-added", userId);
    }
    return Response.noContent().build();
  }

  @DELETE
  @Path("{userId}")
  public Response remove(@PathParam("userId") String userId) {
    requireManage();
    if (DelegatedAdmins.remove(organization, userId)) {
      event("delegated-admin-removed", userId);
    }
    return Response.noContent().build();
  }

  private void requireManage() {
    if (!auth.realm().canManageRealm()) {
      throw ApiError.forbidden("naming delegated admins needs the manage-realm permission");
    }
  }

  private void event(String action, String userId) {
    ActionEvents.record(
        adminEvent,
        session,
        action,
        Map.of("organization", organization.getAlias(), "user_id", userId));
  }
}

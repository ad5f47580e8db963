package io.kcuserdata.admin.userdata;

import static io.kcuserdata.admin.http.UserDataResponses.guarded;
import static io.kcuserdata.admin.http.UserDataResponses.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.kcuserdata.admin.export.DataSubjectExport;
import io.kcuserdata.admin.http.ApiError;
import io.kcuserdata.admin.http.JsonBody;
import io.kcuserdata.admin.suspension.BlockedClients;
import io.kcuserdata.admin.suspension.Suspender;
import io.kcuserdata.admin.suspension.Suspension;
import io.kcuserdata.core.access.Caller;
import io.kcuserdata.core.document.UserDataDocument;
import io.kcuserdata.core.namespace.Namespace;
import io.kcuserdata.core.service.UserDataService.WriteResult;
import io.kcuserdata.core.spi.UserDataProvider;
import io.kcuserdata.core.spi.UserLock;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * {@code /admin/realms/{realm}/user-data/users/{id}}: one user's data for administrators. Reads
 * need view-users, writes manage-users (or the fine-grained permissions for this user).
 */
public final class UserDataAdminResource {

  private static final Caller ADMIN = Caller.admin();

  private final KeycloakSession session;
  private final RealmModel realm;
  private final AdminPermissionEvaluator auth;
  private final AdminEventBuilder adminEvent;
  private final UserModel user;
  private final UserDataProvider data;

  UserDataAdminResource(
      KeycloakSession session,
      RealmModel realm,
      AdminPermissionEvaluator auth,
      AdminEventBuilder adminEvent,
      UserModel user,
      UserDataProvider data) {
    this.session = session;
    this.realm = realm;
    this.auth = auth;
    this.adminEvent = adminEvent;
    this.user = user;
    this.data = data;
  }

  @GET
  public Response get() {
    requireView();
    UserDataDocument document = data.read(realm, user);
    return json(document.view(ADMIN), document.etag(ADMIN));
  }

  @PATCH
  public Response patch(
      @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      InputStream body) {
    requireManage();
    JsonNode patch = JsonBody.read(contentType, body, JsonBody.MERGE_PATCH, JsonBody.JSON);
    return guarded(
        () -> {
          UserModel locked = UserLock.lockForUpdate(session, user);
          return answer(data.patch(realm, locked, ADMIN, patch, ifMatch));
        });
  }

  @GET
  @Path("{namespace}")
  public Response getNamespace(@PathParam("namespace") String name) {
    requireView();
    return guarded(
        () -> {
          UserDataDocument document = data.read(realm, user);
          return json(document.get(Namespace.parse(name)), document.etag(ADMIN));
        });
  }

  @PUT
  @Path("{namespace}")
  public Response replace(
      @PathParam("namespace") String name,
      @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      InputStream body) {
    requireManage();
    return guarded(
        () -> {
          Namespace namespace = Namespace.parse(name);
          JsonNode content = JsonBody.read(contentType, body, JsonBody.JSON);
          UserModel locked = UserLock.lockForUpdate(session, user);
          return answer(data.replace(realm, locked, ADMIN, namespace, content, ifMatch));
        });
  }

  @GET
  @Path("export")
  public Response export() {
    requireView();
    UserDataAdminEvents.exported(adminEvent, session);
    return json(DataSubjectExport.forAdmin(session, realm, user), null);
  }

  @POST
  @Path("suspend")
  public Response suspend(
      @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream body) {
    requireManage();
    return suspension().suspend(contentType, body);
  }

  @POST
  @Path("unsuspend")
  public Response unsuspend() {
    requireManage();
    return suspension().unsuspend();
  }

  private Suspension suspension() {
    Suspender admin = Suspender.realmAdmin(auth.adminAuth().getUser().getId());
    return new Suspension(session, realm, adminEvent, user, admin);
  }

  @GET
  @Path("blocked-clients")
  public Response blockedClients() {
    requireView();
    return new BlockedClients(session, realm, adminEvent, user).get();
  }

  @PUT
  @Path("blocked-clients")
  public Response blockClients(
      @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream body) {
    requireManage();
    return new BlockedClients(session, realm, adminEvent, user).replace(contentType, body);
  }

  private Response answer(WriteResult result) {
    UserDataAdminEvents.changed(adminEvent, session, result.changes());
    return json(result.document().view(ADMIN), result.document().etag(ADMIN));
  }

  private void requireView() {
    if (!auth.users().canView(user)) {
      throw ApiError.forbidden("viewing this user's data needs the view-users permission");
    }
  }

  private void requireManage() {
    if (!auth.users().canManage(user)) {
      throw ApiError.forbidden("changing this user's data needs the manage-users permission");
    }
  }
}

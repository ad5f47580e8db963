package io.kcuserdata.admin.userdata;

import io.kcuserdata.admin.consent.ConsentScopesResource;
import io.kcuserdata.admin.delegation.DelegatedAdminClient;
import io.kcuserdata.admin.delegation.DelegatedAdminsResource;
import io.kcuserdata.admin.export.ExportResource;
import io.kcuserdata.admin.http.ApiError;
import io.kcuserdata.admin.migration.ImportOptions;
import io.kcuserdata.admin.migration.ImportResource;
import io.kcuserdata.admin.schemas.SchemasResource;
import io.kcuserdata.admin.webhooks.WebhooksResource;
import io.kcuserdata.core.spi.UserDataProvider;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/** {@code /admin/realms/{realm}/user-data}: the root of the pack's admin API. */
public final class UserDataAdminRoot {

  private final KeycloakSession session;
  private final RealmModel realm;
  private final AdminPermissionEvaluator auth;
  private final AdminEventBuilder adminEvent;
  private final ImportOptions importOptions;

  UserDataAdminRoot(
      KeycloakSession session,
      RealmModel realm,
      AdminPermissionEvaluator auth,
      AdminEventBuilder adminEvent,
      ImportOptions importOptions) {
    this.session = session;
    this.realm = realm;
    this.auth = auth;
    this.adminEvent = adminEvent;
    this.importOptions = importOptions;
  }

  @Path("client-scopes")
  public ConsentScopesResource clientScopes() {
    return new ConsentScopesResource(session, realm, auth, adminEvent);
  }

  @Path("webhooks")
  public WebhooksResource webhooks() {
    return new WebhooksResource(session, realm, auth);
  }

  @Path("organizations/{orgId}/admins")
  public DelegatedAdminsResource delegatedAdmins(@PathParam("orgId") String orgId) {
    return new DelegatedAdminsResource(session, realm, auth, adminEvent, orgId);
  }

  @Path("delegated-admin/client")
  public DelegatedAdminClient delegatedAdminClient() {
    return new DelegatedAdminClient(session, realm, auth, adminEvent);
  }

  @Path("export")
  public ExportResource export() {
    return new ExportResource(session, realm, auth, adminEvent);
  }

  @Path("import")
  public ImportResource importUsers() {
    return new ImportResource(session, realm, auth, adminEvent, importOptions);
  }

  @Path("schemas/{namespace}")
  public SchemasResource schemas(@PathParam("namespace") String namespace) {
    return new SchemasResource(session, realm, auth, adminEvent, namespace);
  }

  @Path("users/{id}")
  public UserDataAdminResource user(@PathParam("id") String id) {
    UserModel user = session.users().getUserById(realm, id);
    if (user == null) {
      // As Keycloak's own users endpoint: who may not query users does not learn who exists.
      if (!auth.users().canQuery()) {
        throw ApiError.forbidden("querying users needs the view-users or query-users permission");
      }
      throw ApiError.notFound("no user " + id + " in realm " + realm.getName());
    }
    return new UserDataAdminResource(
        session, realm, auth, adminEvent, user, session.getProvider(UserDataProvider.class));
  }
}

package io.kcuserdata.admin.migration;

import io.kcuserdata.admin.http.ActionEvents;
import io.kcuserdata.admin.http.ApiError;
import io.kcuserdata.admin.migration.sources.ImportSource;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * {@code POST /admin/realms/{realm}/user-data/import}: NDJSON in the export's format, one user per
 * line, each line authorized for the caller and upserted in its own transaction. Answers one result
 * per line, as NDJSON, streamed while the body is read.
 */
public final class ImportResource {

  private final KeycloakSession session;
  private final RealmModel realm;
  private final AdminPermissionEvaluator auth;
  private final AdminEventBuilder adminEvent;
  private final ImportOptions options;

  public ImportResource(
      KeycloakSession session,
      RealmModel realm,
      AdminPermissionEvaluator auth,
      AdminEventBuilder adminEvent,
      ImportOptions options) {
    this.session = session;
    this.realm = realm;
    this.auth = auth;
    this.adminEvent = adminEvent;
    this.options = options;
  }

  @POST
  public Response importUsers(
      @QueryParam("source") String sourceParam,
      @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
      @HeaderParam(HttpHeaders.CONTENT_LENGTH) String contentLength,
      InputStream body) {
    if (!auth.users().canManage()) {
      throw ApiError.forbidden("importing users needs the manage-users permission");
    }
    ImportSource source =
        ImportSource.parse(sourceParam)
            .orElseThrow(
                () -> ApiError.invalidRequest("source must be kc-userdata, auth0 or logto"));
    String type = contentType == null ? "" : contentType.split(";")[0].trim();
    if (!type.equals("application/x-ndjson") && !type.equals("application/jsonl")) {
      throw ApiError.unsupportedMediaType("send the users as application/x-ndjson, one per line");
    }
    if (contentLength != null && parseLong(contentLength) > UserImport.MAX_BODY_BYTES) {
      throw ApiError.tooLarge(
          "an import body is at most " + (UserImport.MAX_BODY_BYTES >> 20) + " MiB");
    }
    ImportRun run =
        new ImportRun(
            session.getKeycloakSessionFactory(),
            realm,
            source,
            ImportCaller.of(auth),
            options.hashes());
    return Response.ok(
            new UserImport(
                session.getKeycloakSessionFactory(),
                realm,
                body,
                run,
                options.maxLines(),
                ActionEvents.prepare(adminEvent, session, "import")))
        .type("application/x-ndjson; charset=utf-8")
        .header("Cache-Control", "no-store")
        .build();
  }

  private static long parseLong(String value) {
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}

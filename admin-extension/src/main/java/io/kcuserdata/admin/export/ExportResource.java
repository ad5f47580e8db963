package io.kcuserdata.admin.export;

import io.kcuserdata.admin.http.ActionEvents;
import io.kcuserdata.admin.http.ApiError;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * {@code GET /admin/realms/{realm}/user-data/export?format=ndjson|csv[&q=][&fields=][&after=]
 * [&max=][&formulas=neutralise|keep]}: every user the caller may view, streamed in id order.
 */
public final class ExportResource {

  private final KeycloakSession session;
  private final RealmModel realm;
  private final AdminPermissionEvaluator auth;
  private final AdminEventBuilder adminEvent;

  public ExportResource(
      KeycloakSession session,
      RealmModel realm,
      AdminPermissionEvaluator auth,
      AdminEventBuilder adminEvent) {
    this.session = session;
    this.realm = realm;
    this.auth = auth;
    this.adminEvent = adminEvent;
  }

  @GET
  public Response export(
      @QueryParam("format") String formatParam,
      @QueryParam("q") String q,
      @QueryParam("fields") String fieldsParam,
      @QueryParam("after") String after,
      @QueryParam("max") String max,
      @QueryParam("formulas") String formulasParam) {
    ExportViewer viewer = ExportViewer.of(auth);
    if (viewer == null) {
      throw ApiError.forbidden("exporting users needs the view-users or query-users permission");
    }
    ExportFormat format = ExportFormat.parse(formatParam);
    CsvFormulas formulas = CsvFormulas.parse(formulasParam, format);
    ExportQuery query = ExportQuery.parse(q, after, max);
    FieldSelection fields = FieldSelection.parse(fieldsParam);
    Collection<String> columns =
        format == ExportFormat.CSV
            ? DataColumns.of(
                session.getProvider(JpaConnectionProvider.class).getEntityManager(), realm.getId())
            : List.of();
    Map<String, String> details = new LinkedHashMap<>();
    details.put("format", format.extension());
    details.put("q", q);
    details.put("fields", fieldsParam);
    details.put("after", query.after());
    if (format == ExportFormat.CSV) {
      details.put("formulas", formulas.value());
    }
    ActionEvents.record(adminEvent, session, "export", details);
    String file = "users-" + realm.getName().replaceAll("[^A-Za-z0-9._-]", "_");
    return Response.ok(
            new UserExport(
                session.getKeycloakSessionFactory(),
                realm,
                query,
                format,
                fields,
                viewer,
                columns,
                formulas))
        .type(format.mediaType())
        .header("Cache-Control", "no-store")
        .header(
            "Content-Disposition",
            "attachment; filename=\"" + file + "." + format.extension() + "\"")
        .build();
  }
}

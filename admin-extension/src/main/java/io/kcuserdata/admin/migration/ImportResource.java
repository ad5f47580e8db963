package io.kcuserdata.admin.migration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.kcuserdata.admin.http.ActionEvents;
import io.kcuserdata.admin.http.ApiError;
import io.kcuserdata.admin.migration.sources.ImportSource;
import io.kcuserdata.core.json.Json;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * {@code POST /admin/realms/{realm}/user-data/import}: NDJSON in the export's format, one user per
 * line, each line upserted in its own transaction. Answers one result per line, as NDJSON.
 */
public final class ImportResource {

  static final int MAX_LINE_BYTES = 1 << 20;
  static final long MAX_BODY_BYTES = 512L << 20;

  private final KeycloakSession session;
  private final RealmModel realm;
  private final AdminPermissionEvaluator auth;
  private final AdminEventBuilder adminEvent;

  public ImportResource(
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
    if (contentLength != null && parseLong(contentLength) > MAX_BODY_BYTES) {
      throw ApiError.tooLarge("an import body is at most " + (MAX_BODY_BYTES >> 20) + " MiB");
    }
    ImportRun run = new ImportRun(session.getKeycloakSessionFactory(), realm, source);
    StringBuilder results = new StringBuilder();
    NdjsonLines lines =
        new NdjsonLines(new BufferedInputStream(body, 65536), MAX_LINE_BYTES, MAX_BODY_BYTES);
    try {
      for (NdjsonLines.Line line = lines.next(); line != null; line = lines.next()) {
        results.append(Json.compact(outcome(run, line).json())).append('\n');
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (lines.bodyTooLarge()) {
      results
          .append(
              Json.compact(
                  ImportOutcome.error(
                          lines.lastNumber() + 1,
                          null,
                          "the body exceeds "
                              + (MAX_BODY_BYTES >> 20)
                              + " MiB; this and later lines were not read")
                      .json()))
          .append('\n');
    }
    run.finish();
    ActionEvents.record(adminEvent, session, "import", run.summary());
    return Response.ok(results.toString())
        .type("application/x-ndjson; charset=utf-8")
        .header("Cache-Control", "no-store")
        .build();
  }

  private static ImportOutcome outcome(ImportRun run, NdjsonLines.Line line) {
    if (line.tooLong()) {
      return run.count(
          ImportOutcome.error(
              line.number(), null, "the line is longer than " + (MAX_LINE_BYTES >> 10) + " KiB"));
    }
    if (line.text().isBlank()) {
      return run.count(new ImportOutcome(line.number(), "skipped", null, "blank line"));
    }
    JsonNode json;
    try {
      json = Json.MAPPER.readTree(line.text());
    } catch (JsonProcessingException e) {
      return run.count(ImportOutcome.error(line.number(), null, "the line is not valid JSON"));
    }
    return run.apply(line.number(), json);
  }

  private static long parseLong(String value) {
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}

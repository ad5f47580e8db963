package io.kcuserdata.admin.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kcuserdata.core.json.Json;
import io.kcuserdata.core.schema.SchemaViolation;
import io.kcuserdata.core.schema.SchemaViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * An error as every endpoint of the pack answers it: the status and {@code
 * {"error":…,"error_description":…}}, never a stack trace.
 */
public final class ApiError extends WebApplicationException {

  private ApiError(int status, String error, String description) {
    super(description, response(status, error, description));
  }

  private ApiError(String description, Response response) {
    super(description, response);
  }

  public static Response response(int status, String error, String description) {
    ObjectNode body = Json.object().put("error", error).put("error_description", description);
    return Response.status(status)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(Json.compact(body))
        .build();
  }

  public static ApiError invalidRequest(String description) {
    return new ApiError(400, "invalid_request", description);
  }

  public static ApiError invalidUserData(String description) {
    return new ApiError(400, "invalid_user_data", description);
  }

  /**
   * {@code 400 schema_violation}: the write's result fails a namespace's JSON Schema; {@code
   * violations} lists each failure with its namespace, JSON Pointer and message.
   */
  public static ApiError schemaViolation(SchemaViolationException e) {
    ObjectNode body =
        Json.object().put("error", "schema_violation").put("error_description", e.getMessage());
    ArrayNode violations = body.putArray("violations");
    for (SchemaViolation violation : e.violations()) {
      violations
          .addObject()
          .put("namespace", violation.namespace())
          .put("pointer", violation.pointer())
          .put("message", violation.message());
    }
    return new ApiError(
        e.getMessage(),
        Response.status(400)
            .type(MediaType.APPLICATION_JSON_TYPE)
            .entity(Json.compact(body))
            .build());
  }

  /** {@code 400 invalid_schema}: a candidate JSON Schema the pack does not accept. */
  public static ApiError invalidSchema(String description) {
    return new ApiError(400, "invalid_schema", description);
  }

  public static ApiError unauthorized(String description) {
    return new ApiError(401, "unauthorized", description);
  }

  public static ApiError forbidden(String description) {
    return new ApiError(403, "forbidden", description);
  }

  public static ApiError notFound(String description) {
    return new ApiError(404, "not_found", description);
  }

  public static ApiError conflict(String description) {
    return new ApiError(409, "conflict", description);
  }

  public static ApiError preconditionFailed(String description) {
    return new ApiError(412, "precondition_failed", description);
  }

  public static ApiError tooLarge(String description) {
    return new ApiError(413, "request_too_large", description);
  }

  /** A dependency of the request (the realm's SMTP server, say) failed; retrying may work. */
  public static ApiError unavailable(String description) {
    return new ApiError(503, "temporarily_unavailable", description);
  }

  public static ApiError unsupportedMediaType(String description) {
    return new ApiError(415, "unsupported_media_type", description);
  }
}

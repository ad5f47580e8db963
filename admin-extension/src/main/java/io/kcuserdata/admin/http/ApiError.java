package io.kcuserdata.admin.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kcuserdata.core.json.Json;
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

package io.kcuserdata.admin.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import io.kcuserdata.admin.http.ApiError;
import io.kcuserdata.core.json.Json;
import jakarta.ws.rs.core.Response;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/**
 * Asserts that a call answers the pack's JSON error with the expected status and a description
 * naming the problem; JAX-RS runs without a server through a stub runtime.
 */
public final class ApiErrors {

  static {
    StubRuntimeDelegate.installIfMissing();
  }

  private ApiErrors() {}

  /** The {@code error_description} of the 400 the call throws, after checking status and code. */
  public static String invalidRequest(ThrowingCallable call) {
    return error(call, 400, "invalid_request");
  }

  /** The {@code error_description} of the error the call throws, after checking it. */
  public static String error(ThrowingCallable call, int status, String error) {
    Throwable thrown = catchThrowable(call);
    assertThat(thrown).isInstanceOf(ApiError.class);
    Response response = ((ApiError) thrown).getResponse();
    assertThat(response.getStatus()).isEqualTo(status);
    JsonNode body = Json.parseOrNull((String) response.getEntity());
    assertThat(body).isNotNull();
    assertThat(body.path("error").asText()).isEqualTo(error);
    return body.path("error_description").asText();
  }

  /** Checks the 400 and that its description contains every fragment. */
  public static void assertInvalidRequest(ThrowingCallable call, String... fragments) {
    assertThat(invalidRequest(call)).contains(fragments);
  }
}

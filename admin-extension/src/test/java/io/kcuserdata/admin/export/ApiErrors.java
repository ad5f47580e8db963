package io.kcuserdata.admin.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import io.kcuserdata.admin.http.ApiError;
import io.kcuserdata.core.json.Json;
import jakarta.ws.rs.core.Response;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/**
 * Asserts that a call answers 400 {@code invalid_request} with a description naming the problem.
 */
final class ApiErrors {

  static {
    StubRuntimeDelegate.installIfMissing();
  }

  private ApiErrors() {}

  /** The {@code error_description} of the 400 the call throws, after checking status and code. */
  static String invalidRequest(ThrowingCallable call) {
    Throwable thrown = catchThrowable(call);
    assertThat(thrown).isInstanceOf(ApiError.class);
    Response response = ((ApiError) thrown).getResponse();
    assertThat(response.getStatus()).isEqualTo(400);
    JsonNode body = Json.parseOrNull((String) response.getEntity());
    assertThat(body).isNotNull();
    assertThat(body.path("error").asText()).isEqualTo("invalid_request");
    return body.path("error_description").asText();
  }

  /** Checks the 400 and that its description contains every fragment. */
  static void assertInvalidRequest(ThrowingCallable call, String... fragments) {
    assertThat(invalidRequest(call)).contains(fragments);
  }
}

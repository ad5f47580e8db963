package io.kcuserdata.claims.http;

import io.kcuserdata.core.net.SsrfGuard;
import io.kcuserdata.core.net.http.Deadline;
import io.kcuserdata.core.net.http.GuardedHttpClient;
import io.kcuserdata.core.net.http.OutboundCallException;
import java.net.URI;
import java.util.Map;
import org.apache.http.entity.ContentType;

/**
 * One mapper's pooled, SSRF-guarded HTTP client ({@link GuardedHttpClient}), its failures told in
 * the mapper's outcomes. Only 2xx bodies are read, up to the configured size.
 */
public final class ClaimsHttpClient implements AutoCloseable {

  static final int MAX_CONNECTIONS = 64;

  private final GuardedHttpClient client;

  public ClaimsHttpClient(SsrfGuard guard) {
    this.client = new GuardedHttpClient(guard, "kc-userdata-external-claims", MAX_CONNECTIONS);
  }

  /**
   * POSTs {@code body} and reads a 2xx answer of at most {@code maxBytes}.
   *
   * @throws CallFailedException when no response came back in time, or its body was too large
   */
  public ApiResponse post(
      URI url,
      ContentType contentType,
      byte[] body,
      Map<String, String> headers,
      Deadline deadline,
      int maxBytes)
      throws CallFailedException {
    try {
      GuardedHttpClient.Response response =
          client.post(
              url,
              contentType,
              body,
              headers,
              deadline,
              GuardedHttpClient.BodyPolicy.successUpTo(maxBytes));
      return new ApiResponse(response.status(), response.body(), response.retryAfter());
    } catch (OutboundCallException e) {
      throw new CallFailedException(outcome(e.kind()), e.getMessage());
    }
  }

  private static Outcome outcome(OutboundCallException.Kind kind) {
    switch (kind) {
      case TIMEOUT:
        return Outcome.TIMEOUT;
      case REFUSED:
        return Outcome.REFUSED;
      case TOO_LARGE:
        return Outcome.INVALID_RESPONSE;
      default:
        return Outcome.TRANSPORT_ERROR;
    }
  }

  @Override
  public void close() {
    client.close();
  }
}

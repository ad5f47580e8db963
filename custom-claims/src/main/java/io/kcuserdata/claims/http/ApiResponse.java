package io.kcuserdata.claims.http;

/**
 * A response that came back in time.
 *
 * @param body the body of a 2xx response (at most the configured size); empty for other statuses,
 *     whose bodies are not read
 * @param retryAfter the Retry-After header, or null
 */
public record ApiResponse(int status, byte[] body, String retryAfter) {

  public boolean isSuccess() {
    return status >= 200 && status < 300;
  }
}

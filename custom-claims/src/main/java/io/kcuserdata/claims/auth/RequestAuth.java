package io.kcuserdata.claims.auth;

import io.kcuserdata.claims.config.ExternalClaimsConfig;
import io.kcuserdata.claims.http.CallFailedException;
import io.kcuserdata.claims.http.ClaimsHttpClient;
import io.kcuserdata.core.net.http.Deadline;
import java.util.Map;

/** The headers that authenticate one call to the claims API. */
public interface RequestAuth {

  /**
   * @param secret the configured secret, vault reference already resolved; null for none
   * @throws CallFailedException when authenticating needed a call that failed, or the secret is
   *     unusable
   */
  Map<String, String> headers(byte[] body, String secret, Deadline deadline)
      throws CallFailedException;

  /** The API answered 401: forget anything cached that it no longer accepts. */
  default void rejected() {}

  static RequestAuth of(ExternalClaimsConfig config, ClaimsHttpClient http) {
    switch (config.authType()) {
      case HMAC:
        return new HmacAuth();
      case BEARER:
        return (body, secret, deadline) -> Map.of("Authorization", "Bearer " + secret);
      case CLIENT_CREDENTIALS:
        return new ClientCredentialsAuth(
            http, config.tokenUrl(), config.clientId(), config.authScope());
      default:
        return (body, secret, deadline) -> Map.of();
    }
  }
}

package io.kcuserdata.claims.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kcuserdata.claims.http.ApiResponse;
import io.kcuserdata.claims.http.CallFailedException;
import io.kcuserdata.claims.http.ClaimsHttpClient;
import io.kcuserdata.claims.http.Outcome;
import io.kcuserdata.core.net.http.Deadline;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.function.LongSupplier;
import org.apache.http.entity.ContentType;

/**
 * An OAuth access token from the API's authorization server (client-credentials grant, {@code
 * client_secret_basic}), reused until shortly before it expires. One token request at a time: the
 * callers that need a token while it is being fetched wait for it.
 */
final class ClientCredentialsAuth implements RequestAuth {

  /** Tokens are replaced this long before they expire (or at half their life, if shorter). */
  static final long EARLY_RENEWAL_SECONDS = 30;

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final int MAX_TOKEN_RESPONSE_BYTES = 65_536;

  private final ClaimsHttpClient http;
  private final URI tokenUrl;
  private final String clientId;
  private final String scope;
  private final LongSupplier nanoClock;

  private String token;
  private long renewAt;
  private String tokenSecret;

  ClientCredentialsAuth(ClaimsHttpClient http, URI tokenUrl, String clientId, String scope) {
    this(http, tokenUrl, clientId, scope, System::nanoTime);
  }

  ClientCredentialsAuth(
      ClaimsHttpClient http, URI tokenUrl, String clientId, String scope, LongSupplier nanoClock) {
    this.http = http;
    this.tokenUrl = tokenUrl;
    this.clientId = clientId;
    this.scope = scope;
    this.nanoClock = nanoClock;
  }

  @Override
  public synchronized Map<String, String> headers(byte[] body, String secret, Deadline deadline)
      throws CallFailedException {
    if (token == null || nanoClock.getAsLong() - renewAt >= 0 || !secret.equals(tokenSecret)) {
      fetch(secret, deadline);
    }
    return Map.of("Authorization", "Bearer " + token);
  }

  @Override
  public synchronized void rejected() {
    token = null;
  }

  private void fetch(String secret, Deadline deadline) throws CallFailedException {
    String form = "grant_type=client_credentials";
    if (!scope.isEmpty()) {
      form += "&scope=" + URLEncoder.encode(scope, StandardCharsets.UTF_8);
    }
    String basic =
        URLEncoder.encode(clientId, StandardCharsets.UTF_8)
            + ":"
            + URLEncoder.encode(secret, StandardCharsets.UTF_8);
    ApiResponse response =
        http.post(
            tokenUrl,
            ContentType.APPLICATION_FORM_URLENCODED,
            form.getBytes(StandardCharsets.UTF_8),
            Map.of(
                "Authorization",
                "Basic "
                    + Base64.getEncoder().encodeToString(basic.getBytes(StandardCharsets.UTF_8)),
                "Accept",
                "application/json"),
            deadline,
            MAX_TOKEN_RESPONSE_BYTES);
    if (!response.isSuccess()) {
      throw new CallFailedException(
          Outcome.HTTP_ERROR,
          "the token endpoint " + tokenUrl.getHost() + " answered " + response.status());
    }
    JsonNode answer;
    try {
      answer = MAPPER.readTree(response.body());
    } catch (IOException e) {
      answer = null;
    }
    JsonNode accessToken = answer == null ? null : answer.get("access_token");
    if (accessToken == null || !accessToken.isTextual() || accessToken.textValue().isBlank()) {
      throw new CallFailedException(
          Outcome.INVALID_RESPONSE,
          "the token endpoint " + tokenUrl.getHost() + " answered no access_token");
    }
    JsonNode expiresIn = answer.get("expires_in");
    long lifetime = expiresIn != null && expiresIn.canConvertToLong() ? expiresIn.asLong() : 60;
    long usable = Math.max(0, lifetime - Math.min(EARLY_RENEWAL_SECONDS, lifetime / 2));
    token = accessToken.textValue();
    tokenSecret = secret;
    renewAt = nanoClock.getAsLong() + usable * 1_000_000_000L;
  }
}

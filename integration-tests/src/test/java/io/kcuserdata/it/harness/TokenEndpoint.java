package io.kcuserdata.it.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** A test realm's token endpoint, called as the realm's {@code test-app} client would. */
public final class TokenEndpoint {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final ObjectMapper JSON = new ObjectMapper();

  /** What the token endpoint answered: the HTTP status and the JSON body. */
  public record TokenResponse(int status, JsonNode body) {
    public boolean ok() {
      return status == 200;
    }

    public String accessToken() {
      return body.path("access_token").asText(null);
    }

    public String refreshToken() {
      return body.path("refresh_token").asText(null);
    }

    public String error() {
      return body.path("error").asText(null);
    }
  }

  private final TestRealm realm;

  TokenEndpoint(TestRealm realm) {
    this.realm = realm;
  }

  /** The resource-owner password grant ("direct access grant"). */
  public TokenResponse password(String username, String password) {
    return password(username, password, "openid");
  }

  /** The same, asking for {@code scope}. */
  public TokenResponse password(String username, String password, String scope) {
    return password(TestRealm.APP_CLIENT_ID, username, password, scope);
  }

  /** The same for another public client with direct grants enabled. */
  public TokenResponse password(String clientId, String username, String password, String scope) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "password");
    form.put("client_id", clientId);
    form.put("username", username);
    form.put("password", password);
    form.put("scope", scope);
    return post(form);
  }

  /** The refresh-token grant for the test app. */
  public TokenResponse refresh(String refreshToken) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "refresh_token");
    form.put("client_id", TestRealm.APP_CLIENT_ID);
    form.put("refresh_token", refreshToken);
    return post(form);
  }

  /** Redeems an authorization code from a browser login. */
  public TokenResponse exchangeCode(String code) {
    return exchangeCode(TestRealm.APP_CLIENT_ID, code);
  }

  /** Redeems a code issued to public client {@code clientId}. */
  public TokenResponse exchangeCode(String clientId, String code) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "authorization_code");
    form.put("client_id", clientId);
    form.put("code", code);
    form.put("redirect_uri", realm.appRedirectUri().toString());
    return post(form);
  }

  /** Redeems a code issued to public client {@code clientId} with PKCE, for {@code redirectUri}. */
  public TokenResponse exchangeCode(
      String clientId, String code, URI redirectUri, String codeVerifier) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "authorization_code");
    form.put("client_id", clientId);
    form.put("code", code);
    form.put("redirect_uri", redirectUri.toString());
    form.put("code_verifier", codeVerifier);
    return post(form);
  }

  /** The client-credentials grant of confidential client {@code clientId}. */
  public TokenResponse clientCredentials(String clientId, String secret, String scope) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "client_credentials");
    form.put("client_id", clientId);
    form.put("client_secret", secret);
    form.put("scope", scope);
    return post(form);
  }

  /**
   * Standard token exchange (RFC 8693, Keycloak's V2): confidential client {@code clientId} trades
   * {@code subjectToken} for an access token for {@code audience}.
   */
  public TokenResponse exchange(
      String clientId, String secret, String subjectToken, String audience) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "urn:ietf:params:oauth:grant-type:token-exchange");
    form.put("client_id", clientId);
    form.put("client_secret", secret);
    form.put("subject_token", subjectToken);
    form.put("subject_token_type", "urn:ietf:params:oauth:token-type:access_token");
    form.put("requested_token_type", "urn:ietf:params:oauth:token-type:access_token");
    form.put("audience", audience);
    return post(form);
  }

  /** Any grant: the form as given. */
  public TokenResponse post(Map<String, String> form) {
    String body =
        form.entrySet().stream()
            .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
            .collect(Collectors.joining("&"));
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(realm.issuer() + "/protocol/openid-connect/token"))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    try {
      HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      return new TokenResponse(response.statusCode(), JSON.readTree(response.body()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}

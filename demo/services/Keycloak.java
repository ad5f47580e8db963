import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.StringJoiner;

/** The calls the demo services make to Keycloak: its token endpoint and its admin REST API. */
final class Keycloak {

  /** Keycloak answered, but not as hoped: the status and what it said. */
  static final class Failed extends Exception {
    Failed(String what, HttpResponse<String> answer) {
      super(what + ": HTTP " + answer.statusCode() + " " + abbreviate(answer.body()));
    }

    Failed(String message) {
      super(message);
    }
  }

  private static final Duration TIMEOUT = Duration.ofSeconds(15);

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final Config config;

  Keycloak(Config config) {
    this.config = config;
  }

  String realmUrl() {
    return config.keycloak() + "/realms/" + config.realm();
  }

  /** The demo app's code for its tokens (authorization code grant with PKCE, public client). */
  Map<String, Object> exchangeCode(String code, String redirectUri, String verifier)
      throws IOException, InterruptedException, Failed, Json.JsonException {
    HttpResponse<String> answer =
        post(
            realmUrl() + "/protocol/openid-connect/token",
            form(
                Map.of(
                    "grant_type",
                    "authorization_code",
                    "client_id",
                    DemoApp.CLIENT_ID,
                    "code",
                    code,
                    "redirect_uri",
                    redirectUri,
                    "code_verifier",
                    verifier)),
            null);
    if (answer.statusCode() != 200) {
      throw new Failed("Keycloak refused the authorization code", answer);
    }
    return Json.parseObject(answer.body());
  }

  /** An admin token from the master realm, fresh for each use (they last a minute). */
  String adminToken() throws IOException, InterruptedException, Failed, Json.JsonException {
    HttpResponse<String> answer =
        post(
            config.keycloak() + "/realms/master/protocol/openid-connect/token",
            form(
                Map.of(
                    "grant_type",
                    "password",
                    "client_id",
                    "admin-cli",
                    "username",
                    config.adminUser(),
                    "password",
                    config.adminPassword())),
            null);
    if (answer.statusCode() != 200) {
      throw new Failed("admin sign-in failed", answer);
    }
    String token = Json.string(Json.parseObject(answer.body()), "access_token");
    if (token == null) {
      throw new Failed("no access_token in the admin sign-in's answer");
    }
    return token;
  }

  /** GET on the realm's admin API ({@code path} after {@code /admin/realms/acme}), parsed. */
  Object adminGet(String token, String path)
      throws IOException, InterruptedException, Failed, Json.JsonException {
    HttpResponse<String> answer =
        http.send(
            HttpRequest.newBuilder(URI.create(adminUrl(path)))
                .timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token)
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (answer.statusCode() != 200) {
      throw new Failed("GET " + path, answer);
    }
    return Json.parse(answer.body());
  }

  /** POST of a JSON body on the realm's admin API; the answer as sent. */
  HttpResponse<String> adminPost(String token, String path, Object body)
      throws IOException, InterruptedException {
    return post(adminUrl(path), body == null ? "" : Json.write(body), token);
  }

  private String adminUrl(String path) {
    return config.keycloak() + "/admin/realms/" + config.realm() + path;
  }

  private HttpResponse<String> post(String url, String body, String bearer)
      throws IOException, InterruptedException {
    boolean isForm = bearer == null;
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(TIMEOUT)
            .header(
                "Content-Type", isForm ? "application/x-www-form-urlencoded" : "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (bearer != null) {
      request.header("Authorization", "Bearer " + bearer);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  static String form(Map<String, String> fields) {
    StringJoiner out = new StringJoiner("&");
    fields.forEach((name, value) -> out.add(encode(name) + "=" + encode(value)));
    return out.toString();
  }

  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  static String abbreviate(String text) {
    if (text == null) {
      return "";
    }
    return text.length() <= 300 ? text : text.substring(0, 300) + "…";
  }
}

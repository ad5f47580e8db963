/*
 * The demo's other parties, in one JDK-only program run as source (`java DemoServices.java`):
 *
 *   POST /claims     the external claims API the acme realm's userdata-external-claims-mapper calls,
 *                    checking its Standard Webhooks signature before answering
 *   POST /webhooks   the webhook receiver: checks each delivery's signature and keeps the last 100
 *   GET  /received   what the receiver accepted, as JSON
 *   GET  /callback   the demo app: exchanges the authorization code and shows the token's claims
 *
 * At start it registers its webhook endpoint in the acme realm through the admin API (creating it,
 * or rotating the secret of the one a previous run made) and keeps the secret only in memory.
 *
 * Environment: DEMO_SERVICES_PORT (8081), DEMO_SERVICES_URL (how Keycloak reaches this program,
 * http://127.0.0.1:8081), DEMO_BROWSER_URL (how a browser reaches it, http://localhost:8081),
 * KC_URL (http://localhost:8080), KC_ADMIN / KC_ADMIN_PASSWORD (admin / admin), DEMO_CLAIMS_SECRET.
 */
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

public class DemoServices {

  static final String REALM = "acme";
  static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  static final Deque<String> RECEIVED = new ArrayDeque<>();
  static volatile String webhookSecret;

  static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }

  static final int PORT = Integer.parseInt(env("DEMO_SERVICES_PORT", "8081"));
  static final String SELF = env("DEMO_SERVICES_URL", "http://127.0.0.1:" + PORT);
  static final String BROWSER = env("DEMO_BROWSER_URL", "http://localhost:" + PORT);
  static final String KC = env("KC_URL", "http://localhost:8080");
  static final String CLAIMS_SECRET =
      env("DEMO_CLAIMS_SECRET", "whsec_ZGVtby1jbGFpbXMtc2VjcmV0LW5vdC1mb3ItcHJvZHVjdGlvbg==");

  public static void main(String[] args) throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress(PORT), 0);
    server.createContext("/claims", DemoServices::claims);
    server.createContext("/webhooks", DemoServices::webhook);
    server.createContext("/received", DemoServices::received);
    server.createContext("/callback", DemoServices::callback);
    server.createContext("/", e -> answer(e, 200, "text/plain", "kc-userdata demo services\n"));
    // Several threads: the demo app's token request makes Keycloak call /claims meanwhile.
    server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(8));
    server.start();
    System.out.println("demo services on port " + PORT + "; registering the webhook at " + KC);
    Thread registration = new Thread(DemoServices::registerWebhook, "register-webhook");
    registration.setDaemon(true);
    registration.start();
  }

  /** Claims for the token, from the signed request's user: what a billing system would say. */
  static void claims(HttpExchange e) throws IOException {
    byte[] body = e.getRequestBody().readAllBytes();
    if (!verified(e, body, CLAIMS_SECRET)) {
      answer(e, 401, "application/json", "{\"error\":\"bad signature\"}");
      return;
    }
    String text = new String(body, StandardCharsets.UTF_8);
    String username = field(text, "username");
    String plan = username != null && username.startsWith("ada") ? "enterprise" : "free";
    answer(e, 200, "application/json",
        "{\"plan\":\"" + plan + "\",\"entitlements\":[\"reports\",\"exports\"],\"source\":\"demo-claims-api\"}");
  }

  static void webhook(HttpExchange e) throws IOException {
    byte[] body = e.getRequestBody().readAllBytes();
    String secret = webhookSecret;
    if (secret == null || !verified(e, body, secret)) {
      System.out.println("webhook REJECTED (signature does not verify)");
      answer(e, 401, "text/plain", "bad signature\n");
      return;
    }
    String text = new String(body, StandardCharsets.UTF_8);
    String line = "{\"id\":\"" + e.getRequestHeaders().getFirst("webhook-id") + "\",\"type\":\""
        + field(text, "type") + "\",\"verified\":true}";
    synchronized (RECEIVED) {
      RECEIVED.addLast(line);
      while (RECEIVED.size() > 100) {
        RECEIVED.removeFirst();
      }
    }
    System.out.println("webhook verified: " + field(text, "type"));
    answer(e, 204, "text/plain", "");
  }

  static void received(HttpExchange e) throws IOException {
    synchronized (RECEIVED) {
      answer(e, 200, "application/json", "[" + String.join(",", RECEIVED) + "]");
    }
  }

  /** The demo app's redirect: the code for tokens, and the access token's claims on a page. */
  static void callback(HttpExchange e) throws IOException {
    String query = e.getRequestURI().getRawQuery();
    Matcher code = Pattern.compile("(?:^|&)code=([^&]+)").matcher(query == null ? "" : query);
    if (!code.find()) {
      answer(e, 400, "text/plain", "no code in the redirect\n");
      return;
    }
    String form = "grant_type=authorization_code&client_id=demo-app&code=" + code.group(1)
        + "&redirect_uri=" + URLEncoder.encode(BROWSER + "/callback", StandardCharsets.UTF_8);
    try {
      HttpResponse<String> tokens = post(KC + "/realms/" + REALM + "/protocol/openid-connect/token",
          "application/x-www-form-urlencoded", form, null);
      String accessToken = field(tokens.body(), "access_token");
      if (tokens.statusCode() != 200 || accessToken == null) {
        answer(e, 502, "text/plain", "token request failed: " + tokens.body() + "\n");
        return;
      }
      String claims = new String(Base64.getUrlDecoder().decode(accessToken.split("\\.")[1]),
          StandardCharsets.UTF_8);
      answer(e, 200, "text/html; charset=utf-8",
          "<!doctype html><title>Signed in</title><h1>Signed in to the demo app</h1>"
              + "<p>The access token's claims:</p><pre id=\"claims\">" + escape(claims) + "</pre>");
    } catch (InterruptedException ex) {
      Thread.currentThread().interrupt();
      answer(e, 503, "text/plain", "interrupted\n");
    }
  }

  /** Until it works: Keycloak may still be starting. */
  static void registerWebhook() {
    String url = SELF + "/webhooks";
    while (webhookSecret == null) {
      try {
        String token = field(post(KC + "/realms/master/protocol/openid-connect/token",
            "application/x-www-form-urlencoded",
            "grant_type=password&client_id=admin-cli&username="
                + URLEncoder.encode(env("KC_ADMIN", "admin"), StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(env("KC_ADMIN_PASSWORD", "admin"), StandardCharsets.UTF_8),
            null).body(), "access_token");
        String base = KC + "/admin/realms/" + REALM + "/user-data/webhooks";
        HttpResponse<String> list = HTTP.send(HttpRequest.newBuilder(URI.create(base))
            .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        Matcher existing = Pattern.compile("\"id\":\"([^\"]+)\"[^}]*\"url\":\"" + Pattern.quote(url) + "\"")
            .matcher(list.body());
        HttpResponse<String> answer = existing.find()
            ? post(base + "/" + existing.group(1) + "/rotate-secret", "application/json", "", token)
            : post(base, "application/json",
                "{\"url\":\"" + url + "\",\"events\":[\"*\"],\"description\":\"demo receiver\"}", token);
        webhookSecret = field(answer.body(), "secret");
        if (webhookSecret != null) {
          System.out.println("webhook endpoint registered in realm " + REALM + ": " + url);
        }
      } catch (Exception ex) {
        // not ready yet
      }
      if (webhookSecret == null) {
        try {
          Thread.sleep(2000);
        } catch (InterruptedException ie) {
          return;
        }
      }
    }
  }

  /** Standard Webhooks: HMAC-SHA256 over "id.timestamp.body", any of the v1 signatures. */
  static boolean verified(HttpExchange e, byte[] body, String secret) {
    String id = e.getRequestHeaders().getFirst("webhook-id");
    String timestamp = e.getRequestHeaders().getFirst("webhook-timestamp");
    String signatures = e.getRequestHeaders().getFirst("webhook-signature");
    if (id == null || timestamp == null || signatures == null) {
      return false;
    }
    try {
      long age = Math.abs(System.currentTimeMillis() / 1000 - Long.parseLong(timestamp));
      if (age > 300) {
        return false;
      }
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
      mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
      byte[] expected = mac.doFinal(body);
      for (String signature : signatures.split(" ")) {
        if (signature.startsWith("v1,")
            && MessageDigest.isEqual(expected, Base64.getDecoder().decode(signature.substring(3)))) {
          return true;
        }
      }
    } catch (Exception ex) {
      return false;
    }
    return false;
  }

  static HttpResponse<String> post(String url, String type, String body, String bearer)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
        .header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofString(body));
    if (bearer != null) {
      request.header("Authorization", "Bearer " + bearer);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A top-level string member of a small JSON text; enough for the answers this program reads. */
  static String field(String json, String name) {
    Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(json);
    return m.find() ? m.group(1) : null;
  }

  static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  static void answer(HttpExchange e, int status, String type, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    e.getResponseHeaders().set("Content-Type", type);
    e.sendResponseHeaders(status, status == 204 ? -1 : bytes.length);
    if (status != 204) {
      e.getResponseBody().write(bytes);
    }
    e.close();
  }
}

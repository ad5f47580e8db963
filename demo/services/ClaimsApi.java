import com.sun.net.httpserver.HttpExchange;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /claims}: the external claims API the acme realm's {@code billing claims} mapper
 * ({@code userdata-external-claims-mapper}) calls at token issuance. It checks the mapper's
 * Standard Webhooks signature and answers what a billing system would say about the user.
 */
final class ClaimsApi {

  private final String secret;

  ClaimsApi(String secret) {
    this.secret = secret;
  }

  void handle(HttpExchange exchange) throws Exception {
    Http.requireMethod(exchange, "POST");
    byte[] body = Http.body(exchange, 64 * 1024);
    StandardWebhooks.Verdict verdict =
        StandardWebhooks.verify(exchange.getRequestHeaders(), body, secret);
    if (!verdict.verified()) {
      Log.info("claims request refused: " + verdict.reason());
      throw new Http.Refused(401, verdict.reason());
    }
    Map<String, Object> request;
    try {
      request = Json.parseObject(new String(body, StandardCharsets.UTF_8));
    } catch (Json.JsonException e) {
      throw new Http.Refused(400, "the body is not a JSON object: " + e.getMessage());
    }
    String username = Json.string(request, "user", "username");
    String department = Json.string(request, "user", "custom_data", "department");
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("plan", username != null && username.startsWith("ada") ? "enterprise" : "free");
    claims.put(
        "entitlements",
        "Research".equals(department)
            ? List.of("reports", "exports", "lab-datasets")
            : List.of("reports", "exports"));
    claims.put("source", "demo-claims-api");
    Log.info("claims for " + username + ": " + Json.write(claims));
    Http.json(exchange, 200, claims);
  }
}

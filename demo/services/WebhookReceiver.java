import com.sun.net.httpserver.HttpExchange;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The webhook receiver: {@code POST /webhooks} checks each delivery's signature with the secret
 * {@link WebhookRegistration} holds and records it, verified or not, in an NDJSON file, so {@code
 * GET /received} (and {@code /received.json}) list them across restarts. A retry of a delivery
 * already verified (same {@code webhook-id}) is acknowledged and not listed twice.
 */
final class WebhookReceiver {

  static final DateTimeFormatter SHOWN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

  private final WebhookRegistration registration;
  private final NdjsonFile received;

  WebhookReceiver(WebhookRegistration registration, NdjsonFile received) {
    this.registration = registration;
    this.received = received;
  }

  void deliver(HttpExchange exchange) throws Exception {
    Http.requireMethod(exchange, "POST");
    byte[] body = Http.body(exchange, 1024 * 1024);
    String secret = registration.secret();
    StandardWebhooks.Verdict verdict =
        StandardWebhooks.verify(exchange.getRequestHeaders(), body, secret);
    String id = exchange.getRequestHeaders().getFirst("webhook-id");
    if (id == null) {
      // Not a delivery at all: refused without a line on the page.
      throw new Http.Refused(401, verdict.reason());
    }
    if (verdict.verified() && alreadyVerified(id)) {
      Http.send(exchange, 204, "text/plain", new byte[0]);
      return;
    }
    Object payload;
    try {
      payload = Json.parse(new String(body, StandardCharsets.UTF_8));
    } catch (Json.JsonException e) {
      payload = null;
    }
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("received_at", Instant.now().toString());
    entry.put("id", id);
    entry.put("type", payload == null ? "(not JSON)" : Json.string(payload, "type"));
    entry.put("user", Json.string(payload, "data", "user", "username"));
    entry.put("user_id", Json.string(payload, "data", "user", "id"));
    entry.put("event_time", Json.string(payload, "timestamp"));
    entry.put("verified", verdict.verified());
    entry.put("reason", verdict.reason());
    received.append(entry);
    Log.info(
        "webhook " + entry.get("type") + " for " + entry.get("user") + ": " + verdict.reason());
    if (verdict.verified()) {
      Http.send(exchange, 204, "text/plain", new byte[0]);
    } else if (secret == null) {
      // Not registered yet (Keycloak starting): the pack retries after Retry-After.
      exchange.getResponseHeaders().set("Retry-After", "5");
      throw new Http.Refused(503, verdict.reason());
    } else {
      throw new Http.Refused(401, verdict.reason());
    }
  }

  private boolean alreadyVerified(String id) {
    for (Map<String, Object> entry : received.newestFirst()) {
      if (id.equals(entry.get("id")) && Boolean.TRUE.equals(entry.get("verified"))) {
        return true;
      }
    }
    return false;
  }

  void listJson(HttpExchange exchange) throws Exception {
    Http.json(exchange, 200, received.newestFirst());
  }

  void listPage(HttpExchange exchange) throws Exception {
    List<Map<String, Object>> entries = received.newestFirst();
    long verified = entries.stream().filter(e -> Boolean.TRUE.equals(e.get("verified"))).count();
    StringBuilder rows = new StringBuilder();
    for (Map<String, Object> entry : entries) {
      boolean ok = Boolean.TRUE.equals(entry.get("verified"));
      rows.append("<tr class=\"delivery\" data-type=\"")
          .append(Page.escape(text(entry.get("type"))))
          .append("\" data-verified=\"")
          .append(ok)
          .append("\"><td>")
          .append(Page.escape(shown(entry.get("received_at"))))
          .append("</td><td><code>")
          .append(Page.escape(text(entry.get("type"))))
          .append("</code></td><td>")
          .append(Page.escape(entry.get("user") == null ? "—" : text(entry.get("user"))))
          .append("</td><td>")
          .append(
              ok
                  ? "<span class=\"badge ok\">✓ verified</span>"
                  : "<span class=\"badge bad\">✗ rejected</span> <span class=\"muted\">"
                      + Page.escape(text(entry.get("reason")))
                      + "</span>")
          .append("</td><td><code class=\"muted small\">")
          .append(Page.escape(text(entry.get("id"))))
          .append("</code></td></tr>");
    }
    String problem = received.problem();
    String body =
        "<section class=\"card\"><div class=\"headline\"><div><h1>Webhooks received</h1>"
            + "<p class=\"status\" id=\"summary\">"
            + entries.size()
            + " deliveries, "
            + verified
            + " verified with the endpoint's secret (Standard Webhooks HMAC-SHA256)</p></div>"
            + "<div class=\"actions\"><a class=\"button\" href=\"/received.json\">As JSON</a>"
            + "<a class=\"button primary\" href=\"/received\">Refresh</a></div></div>"
            + "<p class=\"notice\" id=\"kept\">"
            + (problem == null
                ? "Kept in <code>"
                    + Page.escape(received.file().toString())
                    + "</code>: the list survives a restart; <code>./demo.sh --reset</code> empties"
                    + " it."
                : "Not everything is kept: " + Page.escape(problem))
            + " The receiver registered itself in realm <code>acme</code> (admin console → "
            + "<em>Webhooks</em>) for every event type: sign-ins, new users, profile updates.</p>"
            + (entries.isEmpty()
                ? "<p id=\"empty\">Nothing yet: sign in to the demo app and deliveries arrive"
                    + " within a few seconds.</p>"
                : "<table id=\"deliveries\"><colgroup><col style=\"width:170px\"><col"
                    + " style=\"width:190px\"><col style=\"width:110px\"><col><col"
                    + " style=\"width:330px\"></colgroup>"
                    + "<thead><tr><th>Received</th><th>Type</th><th>User</th><th>Signature</th>"
                    + "<th>webhook-id</th></tr></thead><tbody>"
                    + rows
                    + "</tbody></table>")
            + "</section>";
    Http.html(exchange, 200, Page.render("Webhooks received", Page.Section.RECEIVED, body));
  }

  static String shown(Object instant) {
    try {
      return SHOWN.format(Instant.parse(text(instant)));
    } catch (RuntimeException e) {
      return text(instant);
    }
  }

  static String text(Object value) {
    return value == null ? "" : value.toString();
  }
}

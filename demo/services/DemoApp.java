import com.sun.net.httpserver.HttpExchange;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The demo app, an OIDC client ({@code demo-app}, public, authorization code with PKCE): {@code /}
 * to start, {@code /login} to Keycloak, {@code /callback} back with the code, and a page with what
 * the pack put in the tokens and where each claim came from.
 */
final class DemoApp {

  static final String CLIENT_ID = "demo-app";

  /** A sign-in this app started, waiting for its callback. */
  private record Pending(String verifier, long startedAt) {}

  private static final long PENDING_MILLIS = 30 * 60_000;
  private static final int MAX_PENDING = 1000;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Config config;
  private final Keycloak keycloak;
  private final Provenance provenance;
  private final Map<String, Pending> pending = new ConcurrentHashMap<>();

  DemoApp(Config config, Keycloak keycloak, Provenance provenance) {
    this.config = config;
    this.keycloak = keycloak;
    this.provenance = provenance;
  }

  private String callbackUrl() {
    return config.browser() + "/callback";
  }

  private String browserRealmUrl() {
    return config.keycloakBrowser() + "/realms/" + config.realm();
  }

  void home(HttpExchange exchange) throws Exception {
    boolean signedOut = Http.query(exchange).containsKey("signed-out");
    String body =
        "<section class=\"card\" id=\"home\"><div class=\"headline\"><div><h1>The demo app</h1><p"
            + " class=\"status\">An OpenID Connect client of realm <code>acme</code>, which has"
            + " every feature of kc-userdata configured.</p></div><div class=\"actions\"><a"
            + " class=\"button primary\" id=\"sign-in\" href=\"/login\">Sign in</a></div></div>"
            + (signedOut
                ? "<p class=\"notice\" id=\"signed-out\">You are signed out of <code>acme</code>,"
                    + " and of <code>upstream</code> when you came through it.</p>"
                : "")
            + "<h3>Try</h3><ul><li><strong>Sign in</strong>, choose <em>Upstream IdP</em>, sign in"
            + " as <code>ada</code> / <code>ada</code> (verified e-mail): her token carries"
            + " <code>billing</code> from the demo claims API and <code>custom_data</code>,"
            + " <code>profile_data</code> mapped from upstream.</li><li><code>bob</code> /"
            + " <code>bob</code> has an unverified e-mail at upstream: acme asks him to verify it"
            + " and the mail arrives on the <a href=\"/mail\">Mail</a>"
            + " page.</li><li><code>demo</code> / <code>demo</code> is a local acme user (no"
            + " identity provider).</li><li>Every sign-in, new user and profile change is a signed"
            + " webhook on <a href=\"/received\">Webhooks received</a>.</li></ul></section>";
    Http.html(exchange, 200, Page.render("Demo app", Page.Section.APP, body));
  }

  void login(HttpExchange exchange) throws Exception {
    expireOldSignIns();
    String state = random(24);
    String verifier = random(48);
    pending.put(state, new Pending(verifier, System.currentTimeMillis()));
    String challenge =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                MessageDigest.getInstance("SHA-256")
                    .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
    Http.redirect(
        exchange,
        browserRealmUrl()
            + "/protocol/openid-connect/auth?"
            + Keycloak.form(
                ordered(
                    "client_id",
                    CLIENT_ID,
                    "response_type",
                    "code",
                    "scope",
                    "openid",
                    "redirect_uri",
                    callbackUrl(),
                    "state",
                    state,
                    "code_challenge",
                    challenge,
                    "code_challenge_method",
                    "S256")));
  }

  void callback(HttpExchange exchange) throws Exception {
    Map<String, String> query = Http.query(exchange);
    if (query.containsKey("error")) {
      throw new Http.Refused(
          400,
          "Keycloak ended the sign-in with "
              + query.get("error")
              + (query.containsKey("error_description")
                  ? ": " + query.get("error_description")
                  : "")
              + ".");
    }
    Pending started = query.get("state") == null ? null : pending.remove(query.get("state"));
    if (started == null) {
      throw new Http.Refused(
          400,
          "This sign-in was not started by the demo app, or it was started "
              + "before the demo services restarted. Sign in again from the demo app.");
    }
    String code = query.get("code");
    if (code == null || code.isBlank()) {
      throw new Http.Refused(400, "Keycloak's redirect carries no authorization code.");
    }
    Map<String, Object> tokens;
    try {
      tokens = keycloak.exchangeCode(code, callbackUrl(), started.verifier());
    } catch (Keycloak.Failed | java.io.IOException e) {
      throw new Http.Refused(502, "The token request failed: " + e.getMessage());
    }
    Map<String, Object> access = Jwt.payload(Json.string(tokens, "access_token"));
    String idToken = Json.string(tokens, "id_token");
    Map<String, Object> id = idToken == null ? Map.of() : Jwt.payload(idToken);
    Http.html(
        exchange,
        200,
        Page.render(
            "Signed in",
            Page.Section.APP,
            signedIn(
                access,
                id,
                idToken,
                Jwt.header(Json.string(tokens, "access_token")),
                idToken == null ? Map.of() : Jwt.header(idToken))));
  }

  private String signedIn(
      Map<String, Object> access,
      Map<String, Object> id,
      String idToken,
      Map<String, Object> accessHeader,
      Map<String, Object> idHeader) {
    String username = Json.string(access, "preferred_username");
    String name = Json.string(id, "name");
    String logout =
        browserRealmUrl()
            + "/protocol/openid-connect/logout?"
            + Keycloak.form(
                ordered(
                    "client_id",
                    CLIENT_ID,
                    "id_token_hint",
                    idToken == null ? "" : idToken,
                    "post_logout_redirect_uri",
                    config.browser() + "/?signed-out"));
    StringBuilder page = new StringBuilder();
    page.append(
            "<section class=\"card\" id=\"signed-in\"><div class=\"headline\"><div><h1>Signed in as"
                + " ")
        .append(Page.escape(name != null ? name : username))
        .append("</h1><p class=\"status\"><code id=\"username\">")
        .append(Page.escape(username))
        .append("</code> · ")
        .append(Page.escape(Json.string(id, "email")))
        .append(" · e-mail ")
        .append(Boolean.TRUE.equals(Json.at(id, "email_verified")) ? "verified" : "not verified")
        .append(" · realm <code>")
        .append(Page.escape(config.realm()))
        .append("</code></p></div>")
        .append(
            "<div class=\"actions\"><a class=\"button\" id=\"sign-in-again\" href=\"/login\">Sign"
                + " in again</a>")
        .append("<a class=\"button primary\" id=\"sign-out\" href=\"")
        .append(Page.escape(logout))
        .append("\">Sign out</a>")
        .append(
            "<a class=\"button\" href=\"/received\">Webhooks received</a></div></div></section>");

    Provenance.Sources sources = provenance.sources();
    page.append("<h2 class=\"section-title\">What kc-userdata put in the tokens</h2>");
    if (sources.problem() != null) {
      page.append("<p class=\"card notice\">")
          .append(Page.escape(sources.problem()))
          .append("</p>");
    }
    page.append("<div class=\"grid\" id=\"pack-claims\">");
    // By name: billing, custom_data, profile_data, whatever order the mappers have.
    for (String claim : new java.util.TreeSet<>(sources.byClaim().keySet())) {
      page.append(claimCard(sources.byClaim().get(claim), access, id));
    }
    page.append("</div>");

    page.append("<h2 class=\"section-title\">The tokens, decoded</h2><div class=\"grid\">")
        .append(tokenCard("id-token", "ID token", idHeader, id))
        .append(tokenCard("access-token", "Access token", accessHeader, access))
        .append(
            "</div><p class=\"muted\" style=\"color:#ddd\">The app got both from Keycloak's token"
                + " endpoint (authorization code with PKCE) and shows them decoded; an API that"
                + " receives the access token checks its signature against the realm's keys.</p>");
    return page.toString();
  }

  private static String claimCard(
      Provenance.Source source, Map<String, Object> access, Map<String, Object> id) {
    String claim = source.claim();
    List<String> where = new ArrayList<>();
    if (access.containsKey(claim)) {
      where.add("access token");
    }
    if (id.containsKey(claim)) {
      where.add("ID token");
    }
    Object value = access.containsKey(claim) ? access.get(claim) : id.get(claim);
    StringBuilder card = new StringBuilder();
    card.append("<section class=\"card claim\" data-claim=\"")
        .append(Page.escape(claim))
        .append("\">")
        .append("<span class=\"tag\">")
        .append(where.isEmpty() ? "not in these tokens" : String.join(" + ", where))
        .append("</span><h2><code>")
        .append(Page.escape(claim))
        .append("</code></h2>");
    if (where.isEmpty()) {
      card.append(
          "<p class=\"muted\">Absent: nothing to add for this user, or the source failed "
              + "(see the mapper's failure policy and Keycloak's log).</p>");
    } else {
      card.append("<pre class=\"claim-value\">").append(Json.prettyHtml(value)).append("</pre>");
    }
    card.append("<h3>Where it came from</h3><ul class=\"source\"><li>mapper «")
        .append(Page.escape(source.mapper()))
        .append("», <code>")
        .append(Page.escape(source.type()))
        .append("</code>")
        .append(source.summary().isEmpty() ? "" : ": " + source.summary())
        .append("</li>");
    for (String feed : source.feeds()) {
      card.append("<li>").append(feed).append("</li>");
    }
    return card.append("</ul></section>").toString();
  }

  private static String tokenCard(
      String id, String title, Map<String, Object> header, Map<String, Object> payload) {
    return "<section class=\"card\" id=\""
        + id
        + "\"><h2>"
        + title
        + "</h2><p class=\"muted\">header "
        + "<code>"
        + Page.escape(Json.write(header))
        + "</code></p><pre class=\"token-payload\">"
        + Json.prettyHtml(payload)
        + "</pre></section>";
  }

  private void expireOldSignIns() {
    long now = System.currentTimeMillis();
    pending.values().removeIf(p -> now - p.startedAt() > PENDING_MILLIS);
    if (pending.size() >= MAX_PENDING) {
      Iterator<String> oldest = pending.keySet().iterator();
      while (pending.size() >= MAX_PENDING && oldest.hasNext()) {
        oldest.next();
        oldest.remove();
      }
    }
  }

  private static Map<String, String> ordered(String... pairs) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put(pairs[i], pairs[i + 1]);
    }
    return map;
  }

  private static String random(int bytes) {
    byte[] value = new byte[bytes];
    RANDOM.nextBytes(value);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
  }
}

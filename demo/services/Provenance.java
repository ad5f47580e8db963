import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each claim the pack puts in the demo app's tokens comes from, read from the acme realm
 * itself (the demo-app client's mappers, the identity providers' mappers, the progressive-profile
 * action), so the app page stays right when someone changes the realm in the admin console.
 */
final class Provenance {

  /** One pack mapper's claim: the mapper, what it reads, and what feeds that. */
  record Source(String claim, String mapper, String type, String summary, List<String> feeds) {}

  /** The realm's answer, or why there is none. */
  record Sources(Map<String, Source> byClaim, String problem) {}

  private static final long FRESH_MILLIS = 15_000;

  private final Keycloak keycloak;
  private Sources cached;
  private long cachedAt;

  Provenance(Keycloak keycloak) {
    this.keycloak = keycloak;
  }

  synchronized Sources sources() {
    if (cached != null
        && cached.problem() == null
        && System.currentTimeMillis() - cachedAt < FRESH_MILLIS) {
      return cached;
    }
    try {
      cached = new Sources(read(), null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      cached = new Sources(Map.of(), "interrupted");
    } catch (Exception e) {
      Log.error("reading the realm's mappers failed", e);
      cached = new Sources(Map.of(), "the realm's mappers could not be read: " + Http.describe(e));
    }
    cachedAt = System.currentTimeMillis();
    return cached;
  }

  private Map<String, Source> read() throws Exception {
    String token = keycloak.adminToken();
    Object clients = keycloak.adminGet(token, "/clients?clientId=" + DemoApp.CLIENT_ID);
    List<Map<String, Object>> idpMappers = identityProviderMappers(token);
    List<String> prompted = promptedAttributes(token);
    Map<String, Source> sources = new LinkedHashMap<>();
    if (!(clients instanceof List<?> list) || list.isEmpty()) {
      throw new Keycloak.Failed("no client " + DemoApp.CLIENT_ID + " in the realm");
    }
    for (Map<String, Object> mapper : objects(Json.at(list.get(0), "protocolMappers"))) {
      String type = Json.string(mapper, "protocolMapper");
      String name = Json.string(mapper, "name");
      Object config = mapper.get("config");
      String claim = Json.string(config, "claim.name");
      if (type == null || !type.startsWith("userdata-") || claim == null) {
        continue;
      }
      if (type.equals("userdata-namespace-claim-mapper")) {
        String namespace = Json.string(config, "namespace");
        sources.put(
            claim,
            new Source(
                claim,
                name,
                type,
                "the user's <code>" + Page.escape(namespace) + "</code> namespace",
                namespaceFeeds(namespace, idpMappers, prompted)));
      } else if (type.equals("userdata-external-claims-mapper")) {
        List<String> feeds = new ArrayList<>();
        feeds.add(
            "the answer of <code>POST "
                + Page.escape(Json.string(config, "url"))
                + "</code>, signed with "
                + Page.escape(String.valueOf(Json.string(config, "auth.type")).toUpperCase())
                + " (Standard Webhooks)");
        String namespaces = Json.string(config, "context.namespaces");
        if (namespaces != null && !namespaces.isBlank()) {
          feeds.add("the request carries the user's <code>" + Page.escape(namespaces) + "</code>");
        }
        feeds.add(
            "cached "
                + Page.escape(String.valueOf(Json.string(config, "cache.ttl.seconds")))
                + " s; when the API fails: <code>"
                + Page.escape(String.valueOf(Json.string(config, "failure.policy")))
                + "</code>");
        sources.put(
            claim, new Source(claim, name, type, "an HTTP API called at token issuance", feeds));
      } else {
        sources.put(claim, new Source(claim, name, type, "", List.of()));
      }
    }
    return sources;
  }

  private List<Map<String, Object>> identityProviderMappers(String token) throws Exception {
    List<Map<String, Object>> mappers = new ArrayList<>();
    for (Map<String, Object> provider :
        objects(keycloak.adminGet(token, "/identity-provider/instances"))) {
      String alias = Json.string(provider, "alias");
      if (alias == null) {
        continue;
      }
      for (Map<String, Object> mapper :
          objects(
              keycloak.adminGet(
                  token, "/identity-provider/instances/" + Keycloak.encode(alias) + "/mappers"))) {
        Map<String, Object> withAlias = new LinkedHashMap<>(mapper);
        withAlias.put("alias", alias);
        mappers.add(withAlias);
      }
    }
    return mappers;
  }

  /** The attributes the progressive prompt asks for; none when the action is not there. */
  private List<String> promptedAttributes(String token) {
    try {
      Object action =
          keycloak.adminGet(token, "/authentication/required-actions/userdata-progressive-profile");
      String attributes = Json.string(action, "config", "attributes");
      if (attributes == null) {
        attributes =
            Json.string(
                keycloak.adminGet(
                    token, "/authentication/required-actions/userdata-progressive-profile/config"),
                "config",
                "attributes");
      }
      return attributes == null ? List.of() : List.of(attributes.split("##"));
    } catch (Exception e) {
      return List.of();
    }
  }

  private static List<String> namespaceFeeds(
      String namespace, List<Map<String, Object>> idpMappers, List<String> prompted) {
    List<String> feeds = new ArrayList<>();
    String prefix = namespace + ".";
    for (Map<String, Object> mapper : idpMappers) {
      Object config = mapper.get("config");
      String target = Json.string(config, "target");
      if (!"userdata-attribute-idp-mapper".equals(Json.string(mapper, "identityProviderMapper"))
          || target == null
          || !target.startsWith(prefix)) {
        continue;
      }
      feeds.add(
          "<code>"
              + Page.escape(target.substring(prefix.length()))
              + "</code> ← the <code>"
              + Page.escape(Json.string(config, "source"))
              + "</code> claim of identity provider <code>"
              + Page.escape(Json.string(mapper, "alias"))
              + "</code> (IdP mapper «"
              + Page.escape(Json.string(mapper, "name"))
              + "», <code>userdata-attribute-idp-mapper</code>, "
              + Page.escape(Json.string(config, "update.policy"))
              + ")");
    }
    for (String attribute : prompted) {
      if (attribute.startsWith(prefix)) {
        feeds.add(
            "<code>"
                + Page.escape(attribute.substring(prefix.length()))
                + "</code> ← the person's answer to the progressive prompt"
                + " (<code>userdata-progressive-profile</code>)");
      }
    }
    feeds.add("and whatever the user-data API or the admin console wrote there");
    return feeds;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> objects(Object value) {
    List<Map<String, Object>> found = new ArrayList<>();
    if (value instanceof List<?> list) {
      for (Object item : list) {
        if (item instanceof Map<?, ?>) {
          found.add((Map<String, Object>) item);
        }
      }
    }
    return found;
  }
}

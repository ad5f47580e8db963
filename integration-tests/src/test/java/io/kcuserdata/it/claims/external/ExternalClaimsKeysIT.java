package io.kcuserdata.it.claims.external;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.standardwebhooks.Webhook;
import io.kcuserdata.it.harness.DistributionServer;
import io.kcuserdata.it.harness.HttpApi;
import io.kcuserdata.it.harness.TestHttpServer;
import io.kcuserdata.it.harness.TestHttpServer.RecordedRequest;
import io.kcuserdata.it.harness.TestHttpServer.Response;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;

/**
 * The keys behind sealed secrets across restarts, on a server of its own (a copy of the
 * distribution, database in a file): a realm imported at startup has its mapper's secret sealed
 * under the realm's AES key; a secret stored in clear before the pack sealed secrets is sealed at
 * the next start; once the operator sets the pack's {@code secret-key}, new secrets are sealed
 * under it while everything sealed before (the realm key's mapper secrets, webhook secrets under
 * the webhooks' own older key) keeps working.
 */
class ExternalClaimsKeysIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PACK_KEY = "AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA=";
  private static final String IMPORTED_SECRET = "imported-s3cr3t";
  private static final String LEGACY_SECRET = "legacy-plain-s3cr3t";
  private static final String REALM = "keys";

  @Test
  void sealedSecretsSurviveRestartsAndTheOperatorsKey() throws Exception {
    try (TestHttpServer claims = TestHttpServer.onAllowedHost();
        TestHttpServer hooks = TestHttpServer.onAllowedHost()) {
      claims.respond("/claims", request -> Response.json(200, "{\"plan\":\"pro\"}"));
      hooks.respond("/hook", request -> Response.text(200, "ok"));
      Path home = DistributionServer.copy("keycloak-keys");
      Path imports = Files.createDirectories(home.resolve("data/import"));
      Files.writeString(
          imports.resolve("keys-realm.json"), realm(claims.uri("/claims").toString()));
      List<String> options = List.of("--db=dev-file", "--import-realm");

      DistributionServer server = DistributionServer.startAt(home, options);
      String webhookSecret;
      String endpointId;
      try {
        // Imported at startup: sealed under the realm's own AES key (no secret-key yet).
        try (Keycloak admin = admin(server)) {
          HttpApi api = HttpApi.asAdmin(server, admin);
          assertThat(storedSecret(api, "imported-app")).startsWith("sealed:1:aes-");
          assertThat(storedSecret(api, "legacy-app")).startsWith("sealed:1:aes-");
          JsonNode endpoint =
              api.send(
                      "POST",
                      "/admin/realms/" + REALM + "/user-data/webhooks",
                      "application/json",
                      "{\"url\":\"" + hooks.uri("/hook") + "\",\"events\":[\"*\"]}")
                  .requireStatus(201)
                  .json();
          webhookSecret = endpoint.path("secret").asText();
          endpointId = endpoint.path("id").asText();
        }
        assertThat(callWith(server, claims, "imported-app")).isEqualTo("Bearer " + IMPORTED_SECRET);
      } finally {
        // Stopped, not killed: H2 writes its last commits to the file only at a clean stop.
        server.close();
      }
      // As an earlier version of the pack left it: the secret in clear.
      plantPlainSecret(home, "legacy", LEGACY_SECRET);

      server = server.restartWith(List.of("--spi-userdata--default--secret-key=" + PACK_KEY));
      try (Keycloak admin = admin(server)) {
        HttpApi api = HttpApi.asAdmin(server, admin);
        // Sealed at startup, under the operator's key now set.
        assertThat(storedSecret(api, "legacy-app")).startsWith("sealed:1:op-");
        assertThat(server.log().orElseThrow().tail(2000))
            .contains("sealed 1 secret(s) that were stored in clear")
            .doesNotContain(LEGACY_SECRET);
        assertThat(callWith(server, claims, "legacy-app")).isEqualTo("Bearer " + LEGACY_SECRET);
        // Sealed under the realm key before the operator's key was set: still opens.
        assertThat(storedSecret(api, "imported-app")).startsWith("sealed:1:aes-");
        assertThat(callWith(server, claims, "imported-app")).isEqualTo("Bearer " + IMPORTED_SECRET);
        // The webhook secret sealed under the webhooks' own key still signs.
        api.send(
                "POST",
                "/admin/realms/" + REALM + "/user-data/webhooks/" + endpointId + "/test",
                null,
                null)
            .requireStatus(202);
        RecordedRequest ping = await(hooks, "/hook");
        new Webhook(webhookSecret).verify(ping.bodyText(), lowerCase(ping.headers()));
        JsonNode info =
            api.get("/admin/serverinfo")
                .json()
                .path("providers")
                .path("userdata")
                .path("providers")
                .path("default")
                .path("operationalInfo");
        assertThat(info.path("secret-key").asText()).startsWith("(set: key id op-");
      } finally {
        server.close();
      }
    }
  }

  /** The realm file imported at startup: two clients, each with an external claims mapper. */
  private static String realm(String claimsUrl) {
    ObjectNode realm = JSON.createObjectNode();
    realm.put("realm", REALM).put("enabled", true).put("sslRequired", "none");
    realm.putArray("eventsListeners").add("userdata-webhooks");
    ArrayNode clients = realm.putArray("clients");
    clients.add(client("imported-app", "imported", claimsUrl, IMPORTED_SECRET));
    clients.add(client("legacy-app", "legacy", claimsUrl, "replaced-below"));
    ObjectNode user = realm.putArray("users").addObject();
    user.put("username", "alice")
        .put("enabled", true)
        .put("email", "alice@example.test")
        .put("emailVerified", true)
        .put("firstName", "Alice")
        .put("lastName", "Tester");
    user.putArray("credentials")
        .addObject()
        .put("type", "password")
        .put("value", "pw-alice-1")
        .put("temporary", false);
    return realm.toString();
  }

  private static ObjectNode client(String clientId, String mapper, String url, String secret) {
    ObjectNode client = JSON.createObjectNode();
    client
        .put("clientId", clientId)
        .put("enabled", true)
        .put("publicClient", true)
        .put("directAccessGrantsEnabled", true);
    ObjectNode config =
        client
            .putArray("protocolMappers")
            .addObject()
            .put("name", mapper)
            .put("protocol", "openid-connect")
            .put("protocolMapper", "userdata-external-claims-mapper")
            .putObject("config");
    config
        .put("url", url)
        .put("auth.type", "bearer")
        .put("auth.secret", secret)
        .put("cache.ttl.seconds", "0")
        .put("claim.name", "ext")
        .put("access.token.claim", "true");
    return client;
  }

  private static String storedSecret(HttpApi api, String clientId) {
    String id =
        api.get("/admin/realms/" + REALM + "/clients?clientId=" + clientId)
            .requireStatus(200)
            .json()
            .get(0)
            .path("id")
            .asText();
    JsonNode mappers =
        api.get("/admin/realms/" + REALM + "/clients/" + id + "/protocol-mappers/models")
            .requireStatus(200)
            .json();
    for (JsonNode mapper : mappers) {
      if ("userdata-external-claims-mapper".equals(mapper.path("protocolMapper").asText())) {
        return mapper.path("config").path("auth.secret").asText();
      }
    }
    throw new AssertionError("no external claims mapper on " + clientId);
  }

  /** A token for alice through {@code clientId}: the Authorization header the API saw. */
  private static String callWith(
      DistributionServer server, TestHttpServer claims, String clientId) {
    int before = claims.requests().size();
    HttpApi anonymous = HttpApi.withToken(server.baseUrl(), null);
    HttpApi.Answer token =
        anonymous.send(
            "POST",
            "/realms/" + REALM + "/protocol/openid-connect/token",
            "application/x-www-form-urlencoded",
            "grant_type=password&client_id="
                + clientId
                + "&username=alice&password=pw-alice-1&scope=openid");
    assertThat(token.status()).as(token.body()).isEqualTo(200);
    List<RecordedRequest> calls = claims.requests();
    assertThat(calls).hasSizeGreaterThan(before);
    return calls.get(calls.size() - 1).header("Authorization");
  }

  /**
   * Writes {@code secret} in clear into mapper {@code mapperName}'s config, in the stopped server's
   * H2 file, with the H2 driver the distribution ships.
   */
  private static void plantPlainSecret(Path home, String mapperName, String secret)
      throws Exception {
    Path h2Jar;
    try (Stream<Path> jars = Files.list(home.resolve("lib/lib/main"))) {
      h2Jar =
          jars.filter(p -> p.getFileName().toString().startsWith("com.h2database.h2-"))
              .findFirst()
              .orElseThrow(() -> new AssertionError("no H2 driver in the distribution"));
    }
    try (URLClassLoader loader =
        new URLClassLoader(
            new URL[] {h2Jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
      Driver driver =
          (Driver) loader.loadClass("org.h2.Driver").getDeclaredConstructor().newInstance();
      // dev-file's database: no user name, no password.
      Properties credentials = new Properties();
      credentials.put("user", "");
      credentials.put("password", "");
      String url = "jdbc:h2:file:" + home.resolve("data/h2/keycloakdb") + ";NON_KEYWORDS=VALUE";
      try (Connection db = driver.connect(url, credentials);
          PreparedStatement update =
              db.prepareStatement(
                  "update PROTOCOL_MAPPER_CONFIG set VALUE = ? where NAME = 'auth.secret' and"
                      + " PROTOCOL_MAPPER_ID in (select ID from PROTOCOL_MAPPER where NAME = ?)")) {
        update.setString(1, secret);
        update.setString(2, mapperName);
        assertThat(update.executeUpdate()).isEqualTo(1);
      }
    }
  }

  private static RecordedRequest await(TestHttpServer server, String path)
      throws InterruptedException {
    long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < end) {
      List<RecordedRequest> received =
          server.requests().stream().filter(r -> r.uri().getPath().equals(path)).toList();
      if (!received.isEmpty()) {
        return received.get(0);
      }
      Thread.sleep(200);
    }
    throw new AssertionError("nothing reached " + path);
  }

  private static Map<String, List<String>> lowerCase(Map<String, List<String>> headers) {
    return headers.entrySet().stream()
        .collect(Collectors.toMap(e -> e.getKey().toLowerCase(Locale.ROOT), Map.Entry::getValue));
  }

  private static Keycloak admin(DistributionServer server) {
    return Keycloak.getInstance(
        server.baseUrl().toString(),
        "master",
        server.adminUser(),
        server.adminPassword(),
        "admin-cli");
  }
}

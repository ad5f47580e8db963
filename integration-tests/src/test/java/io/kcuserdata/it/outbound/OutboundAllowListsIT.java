package io.kcuserdata.it.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import io.kcuserdata.it.harness.DistributionServer;
import io.kcuserdata.it.harness.HttpApi;
import io.kcuserdata.it.harness.TestHttpServer;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;

/**
 * Webhooks and the claims mapper each with an allow-list of its own: this server lets webhooks
 * reach 127.0.0.3 only ({@code webhooks-outbound-allow-list}), while the claims mapper keeps the
 * shared {@code outbound-allow-list} (127.0.0.2, as on every test server).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutboundAllowListsIT {

  private static final String REALM = "allow-lists";

  private DistributionServer server;
  private Keycloak keycloak;
  private HttpApi admin;
  private TestHttpServer sharedHost;
  private TestHttpServer webhooksHost;

  @BeforeAll
  void aServerWhoseWebhooksHaveTheirOwnList() {
    server =
        DistributionServer.startCopy(
            "keycloak-allow-lists",
            List.of(
                "--db=dev-mem",
                "--spi-userdata--default--webhooks-outbound-allow-list=127.0.0.3/32"));
    keycloak =
        Keycloak.getInstance(
            server.baseUrl().toString(),
            "master",
            server.adminUser(),
            server.adminPassword(),
            "admin-cli");
    admin = HttpApi.asAdmin(server, keycloak);
    RealmRepresentation realm = new RealmRepresentation();
    realm.setRealm(REALM);
    realm.setEnabled(true);
    realm.setEventsListeners(List.of("userdata-webhooks"));
    keycloak.realms().create(realm);
    ClientRepresentation app = new ClientRepresentation();
    app.setClientId("app");
    app.setEnabled(true);
    keycloak.realm(REALM).clients().create(app).close();
    sharedHost = TestHttpServer.onAllowedHost();
    webhooksHost = TestHttpServer.onLoopback("127.0.0.3");
    for (TestHttpServer host : List.of(sharedHost, webhooksHost)) {
      host.respond("/hook", request -> TestHttpServer.Response.text(200, "ok"));
    }
  }

  @AfterAll
  void stop() {
    sharedHost.close();
    webhooksHost.close();
    keycloak.close();
    server.close();
  }

  private HttpApi.Answer createWebhook(TestHttpServer host) {
    return admin.send(
        "POST",
        "/admin/realms/" + REALM + "/user-data/webhooks",
        "application/json",
        "{\"url\":\"" + host.uri("/hook") + "\",\"events\":[\"user.*\"]}");
  }

  private int createClaimsMapper(TestHttpServer host, String name) {
    ProtocolMapperRepresentation mapper = new ProtocolMapperRepresentation();
    mapper.setName(name);
    mapper.setProtocol("openid-connect");
    mapper.setProtocolMapper("userdata-external-claims-mapper");
    mapper.setConfig(Map.of("url", host.uri("/claims").toString(), "access.token.claim", "true"));
    String app = keycloak.realm(REALM).clients().findByClientId("app").get(0).getId();
    try (Response response =
        keycloak.realm(REALM).clients().get(app).getProtocolMappers().createMapper(mapper)) {
      return response.getStatus();
    }
  }

  @Nested
  class Webhooks {

    @Test
    void reachTheHostOfTheirOwnList() throws Exception {
      HttpApi.Answer created = createWebhook(webhooksHost);
      assertThat(created.status()).as(created.body()).isEqualTo(201);
      String id = created.json().path("id").asText();

      admin
          .send(
              "POST", "/admin/realms/" + REALM + "/user-data/webhooks/" + id + "/test", null, null)
          .requireStatus(202);

      assertThat(webhooksHost.takeRequest(Duration.ofSeconds(20))).isNotNull();
    }

    @Test
    void noLongerReachTheHostOfTheSharedList() {
      HttpApi.Answer refused = createWebhook(sharedHost);

      assertThat(refused.status()).as(refused.body()).isEqualTo(400);
      assertThat(refused.json().path("error_description").asText())
          .contains("refused")
          .contains("--spi-userdata--default--webhooks-outbound-allow-list");
    }
  }

  @Nested
  class TheClaimsMapper {

    @Test
    void keepsTheSharedList() {
      assertThat(createClaimsMapper(sharedHost, "claims on the shared host")).isEqualTo(201);
    }

    @Test
    void doesNotReachTheWebhooksHost() {
      assertThat(createClaimsMapper(webhooksHost, "claims on the webhooks host")).isEqualTo(400);
    }
  }

  @Test
  void providerInfoShowsWhatEachUseMayReach() {
    Map<String, String> info =
        keycloak
            .serverInfo()
            .getInfo()
            .getProviders()
            .get("userdata")
            .getProviders()
            .get("default")
            .getOperationalInfo();

    assertThat(info)
        .containsEntry("outbound-allow-list", "127.0.0.2/32")
        .containsEntry("webhooks-outbound-allow-list", "127.0.0.3/32")
        .containsEntry("claims-outbound-allow-list", "127.0.0.2/32 (outbound-allow-list)");
  }
}

package io.kcuserdata.it.idp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kcuserdata.it.harness.Browser;
import io.kcuserdata.it.harness.HttpApi;
import io.kcuserdata.it.harness.KeycloakIT;
import io.kcuserdata.it.harness.KeycloakServer;
import io.kcuserdata.it.harness.Realms;
import io.kcuserdata.it.harness.ServerLog;
import io.kcuserdata.it.harness.TestRealm;
import io.kcuserdata.it.harness.UpstreamIdp;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.FederatedIdentityRepresentation;
import org.keycloak.representations.idm.IdentityProviderMapperRepresentation;

/**
 * {@code userdata-attribute-idp-mapper} with real brokered logins: a second realm of the same
 * server is the upstream OpenID Connect provider.
 */
@KeycloakIT
class AttributeIdpMapperIT {

  private static JsonNode data(HttpApi admin, BrokerSetup setup, String userId) {
    return admin
        .get("/admin/realms/" + setup.consumer.name() + "/user-data/users/" + userId)
        .json();
  }

  private static void edit(HttpApi admin, BrokerSetup setup, String userId, String patch) {
    var answer =
        admin.send(
            "PATCH",
            "/admin/realms/" + setup.consumer.name() + "/user-data/users/" + userId,
            "application/merge-patch+json",
            patch);
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
  }

  @Nested
  class TheFirstLogin {

    @Test
    void importsClaimsWithTheirJsonTypesIntoTheTargets(
        Realms realms, Browser browser, HttpApi admin) {
      BrokerSetup setup = BrokerSetup.create(realms, "IMPORT");
      setup.mapper("plan", Map.of("source", "plan", "target", "custom_data.plan"));
      setup.mapper("company", Map.of("source", "company", "target", "app_metadata.company"));
      setup.mapper("size", Map.of("source", "company.size", "target", "custom_data.company_size"));
      setup.mapper("teams", Map.of("source", "teams", "target", "custom_data.teams"));
      setup.mapper("first team", Map.of("source", "teams[0]", "target", "custom_data.first_team"));
      setup.mapper("sub", Map.of("source", "sub", "target", "idp.upstream.sub"));
      setup.mapper(
          "size as text",
          Map.of(
              "source", "company.size", "target", "custom_data.size_text", "value.type", "string"));

      String userId = setup.login(browser);

      JsonNode data = data(admin, setup, userId);
      assertThat(data.path("custom_data").toString())
          .isEqualTo(
              "{\"company_size\":50,\"first_team\":\"red\",\"plan\":\"pro\",\"size_text\":\"50\","
                  + "\"teams\":[\"red\",\"blue\"]}");
      assertThat(data.path("app_metadata").path("company").toString())
          .isEqualTo("{\"name\":\"Acme\",\"size\":50}");
      assertThat(data.path("idp").path("upstream").path("sub").asText())
          .isEqualTo(setup.ursulaUpstreamId);
      assertThat(data.path("status").path("idp_sync").path("upstream").has("custom_data.plan"))
          .isTrue();
    }

    @Test
    void skipsAValueOverTheLimitsLogsItWithoutTheValueAndStillSignsIn(
        Realms realms, Browser browser, HttpApi admin, KeycloakServer server) {
      BrokerSetup setup = BrokerSetup.create(realms, "IMPORT");
      String secretLooking = "s3cr3t-" + "x".repeat(993);
      setup.setUpstream(
          Map.of("teams", IntStream.range(0, 20).mapToObj(i -> secretLooking + i).toList()));
      setup.mapper("teams", Map.of("source", "teams", "target", "custom_data.teams"));
      setup.mapper("ok", Map.of("source", "company.name", "target", "custom_data.company"));
      long mark = server.log().map(ServerLog::mark).orElse(0L);

      String userId = setup.login(browser);

      JsonNode custom = data(admin, setup, userId).path("custom_data");
      assertThat(custom.has("teams")).isFalse();
      assertThat(custom.path("company").asText()).isEqualTo("Acme");
      server
          .log()
          .ifPresent(
              log ->
                  assertThat(log.since(mark))
                      .contains("skips custom_data.teams")
                      .contains("larger than")
                      .doesNotContain("s3cr3t"));
    }

    @Test
    void aMapperTargetingAnotherProvidersNamespaceWritesNothing(
        Realms realms, Browser browser, HttpApi admin) {
      BrokerSetup setup = BrokerSetup.create(realms, "IMPORT");
      setup.mapper("trespass", Map.of("source", "sub", "target", "idp.google.sub"));
      setup.mapper("status", Map.of("source", "plan", "target", "status.plan"));

      String userId = setup.login(browser);

      JsonNode data = data(admin, setup, userId);
      assertThat(data.path("idp").isEmpty()).isTrue();
      assertThat(data.path("status").has("plan")).isFalse();
    }
  }

  @Nested
  class ALaterLogin {

    @Test
    void withImportChangesNothing(Realms realms, Browser browser, HttpApi admin) {
      BrokerSetup setup = BrokerSetup.create(realms, "IMPORT");
      setup.mapper("plan", Map.of("source", "plan", "target", "custom_data.plan"));
      String userId = setup.login(browser);
      setup.setUpstream(Map.of("plan", List.of("enterprise")));

      setup.login(browser);

      assertThat(data(admin, setup, userId).path("custom_data").path("plan").asText())
          .isEqualTo("pro");
    }

    @Test
    void withALegacyMapperUnderAForceProviderChangesNothing(
        Realms realms, Browser browser, HttpApi admin) {
      BrokerSetup setup = BrokerSetup.create(realms, "FORCE");
      setup.mapper(
          "plan", Map.of("source", "plan", "target", "custom_data.plan", "syncMode", "LEGACY"));
      String userId = setup.login(browser);
      setup.setUpstream(Map.of("plan", List.of("enterprise")));

      setup.login(browser);

      assertThat(data(admin, setup, userId).path("custom_data").path("plan").asText())
          .isEqualTo("pro");
    }

    @Test
    void withForceAndOverwriteTakesTheNewValue(Realms realms, Browser browser, HttpApi admin) {
      BrokerSetup setup = BrokerSetup.create(realms, "FORCE");
      setup.mapper("plan", Map.of("source", "plan", "target", "custom_data.plan"));
      String userId = setup.login(browser);
      edit(admin, setup, userId, "{\"custom_data\":{\"plan\":\"local\"}}");
      setup.setUpstream(Map.of("plan", List.of("enterprise")));

      setup.login(browser);

      assertThat(data(admin, setup, userId).path("custom_data").path("plan").asText())
          .isEqualTo("enterprise");
    }

    @Test
    void withForceAndIfEmptyNeverReplaces(Realms realms, Browser browser, HttpApi admin) {
      BrokerSetup setup = BrokerSetup.create(realms, "FORCE");
      setup.mapper(
          "plan",
          Map.of("source", "plan", "target", "custom_data.plan", "update.policy", "if-empty"));
      String userId = setup.login(browser);
      setup.setUpstream(Map.of("plan", List.of("enterprise")));

      setup.login(browser);

      assertThat(data(admin, setup, userId).path("custom_data").path("plan").asText())
          .isEqualTo("pro");
    }

    @Test
    void withForceAndPreserveLocalEditsKeepsALocalEditOnly(
        Realms realms, Browser browser, HttpApi admin) {
      BrokerSetup setup = BrokerSetup.create(realms, "FORCE");
      setup.mapper(
          "plan",
          Map.of(
              "source",
              "plan",
              "target",
              "custom_data.plan",
              "update.policy",
              "preserve-local-edits"));
      setup.mapper(
          "name",
          Map.of(
              "source", "company.name",
              "target", "custom_data.company",
              "update.policy", "preserve-local-edits"));
      String userId = setup.login(browser);
      edit(admin, setup, userId, "{\"custom_data\":{\"plan\":\"edited by an admin\"}}");
      setup.setUpstream(
          Map.of(
              "plan", List.of("enterprise"),
              "company", List.of("{\"name\":\"Acme Corp\",\"size\":51}")));

      setup.login(browser);

      JsonNode custom = data(admin, setup, userId).path("custom_data");
      assertThat(custom.path("plan").asText()).isEqualTo("edited by an admin");
      assertThat(custom.path("company").asText()).isEqualTo("Acme Corp");
    }

    @Test
    void withOnMissingRemoveDeletesWhatTheProviderNoLongerSends(
        Realms realms, Browser browser, HttpApi admin) {
      BrokerSetup setup = BrokerSetup.create(realms, "FORCE");
      setup.mapper(
          "plan", Map.of("source", "plan", "target", "custom_data.plan", "on.missing", "remove"));
      setup.mapper("teams", Map.of("source", "teams", "target", "custom_data.teams"));
      String userId = setup.login(browser);
      setup.removeUpstream("plan");
      setup.removeUpstream("teams");

      setup.login(browser);

      JsonNode custom = data(admin, setup, userId).path("custom_data");
      assertThat(custom.has("plan")).isFalse();
      assertThat(custom.path("teams").toString())
          .as("on.missing keep")
          .isEqualTo("[\"red\",\"blue\"]");
    }
  }

  @Nested
  class TwoProviders {

    @Test
    void eachWritesItsOwnNamespaceAndNeverTouchesTheOthers(
        Realms realms, Browser browser, HttpApi admin) {
      TestRealm consumer = realms.create();
      UpstreamIdp alpha = realms.upstreamOidc(consumer, "alpha");
      UpstreamIdp beta = realms.upstreamOidc(consumer, "beta");
      String alphaSub = alpha.createUser("ursula", "pw-ursula-1");
      String betaSub = beta.createUser("ursula", "pw-ursula-1");
      for (String alias : List.of("alpha", "beta")) {
        IdentityProviderMapperRepresentation mapper = new IdentityProviderMapperRepresentation();
        mapper.setName("sub");
        mapper.setIdentityProviderAlias(alias);
        mapper.setIdentityProviderMapper("userdata-attribute-idp-mapper");
        mapper.setConfig(
            Map.of("source", "sub", "target", "idp." + alias + ".sub", "syncMode", "FORCE"));
        consumer.admin().identityProviders().get(alias).addMapper(mapper).close();
      }
      assertThat(browser.loginThroughIdp(consumer, "alpha", "ursula", "pw-ursula-1").signedIn())
          .isTrue();
      String userId = consumer.admin().users().searchByUsername("ursula", true).get(0).getId();
      FederatedIdentityRepresentation link = new FederatedIdentityRepresentation();
      link.setIdentityProvider("beta");
      link.setUserId(betaSub);
      link.setUserName("ursula");
      consumer.admin().users().get(userId).addFederatedIdentity("beta", link).close();

      assertThat(browser.loginThroughIdp(consumer, "beta", "ursula", "pw-ursula-1").signedIn())
          .isTrue();

      JsonNode idp =
          admin
              .get("/admin/realms/" + consumer.name() + "/user-data/users/" + userId)
              .json()
              .path("idp");
      assertThat(idp.path("alpha").path("sub").asText()).isEqualTo(alphaSub);
      assertThat(idp.path("beta").path("sub").asText()).isEqualTo(betaSub);
    }
  }
}

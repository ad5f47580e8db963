package io.kcuserdata.it.idp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kcuserdata.it.harness.Browser;
import io.kcuserdata.it.harness.HttpApi;
import io.kcuserdata.it.harness.KeycloakIT;
import io.kcuserdata.it.harness.KeycloakServer;
import io.kcuserdata.it.harness.LoginOutcome;
import io.kcuserdata.it.harness.Realms;
import io.kcuserdata.it.harness.ServerLog;
import io.kcuserdata.it.harness.TestRealm;
import io.kcuserdata.it.harness.UpstreamIdp;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.EventRepresentation;
import org.keycloak.representations.idm.FederatedIdentityRepresentation;
import org.keycloak.representations.idm.IdentityProviderMapperRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.userprofile.config.UPConfig.UnmanagedAttributePolicy;

/**
 * {@code userdata-attribute-idp-mapper} with real brokered logins: a second realm of the same
 * server is the upstream OpenID Connect provider.
 */
@KeycloakIT
class AttributeIdpMapperIT {

  private static final String ATTRIBUTE_MAPPER = "userdata-attribute-idp-mapper";

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

  private static void saveEvents(BrokerSetup setup) {
    RealmRepresentation realm = setup.consumer.admin().toRepresentation();
    realm.setEventsEnabled(true);
    setup.consumer.admin().update(realm);
  }

  /** The {@code userdata_skipped} detail of the user's latest stored LOGIN event. */
  private static String skippedDetail(BrokerSetup setup, String userId) {
    List<EventRepresentation> logins =
        setup.consumer.admin().getEvents(List.of("LOGIN"), null, userId, null, null, null, 0, 1);
    assertThat(logins).isNotEmpty();
    assertThat(logins.get(0).getDetails()).containsEntry("identity_provider", BrokerSetup.ALIAS);
    return logins.get(0).getDetails().get("userdata_skipped");
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
      saveEvents(setup);
      long mark = server.log().map(ServerLog::mark).orElse(0L);

      String userId = setup.login(browser);

      JsonNode custom = data(admin, setup, userId).path("custom_data");
      assertThat(custom.has("teams")).isFalse();
      assertThat(custom.path("company").asText()).isEqualTo("Acme");
      assertThat(skippedDetail(setup, userId))
          .startsWith("custom_data.teams (mapper 'teams'): ")
          .contains("larger than")
          .doesNotContain("s3cr3t")
          .doesNotContain("custom_data.company");
      server
          .log()
          .ifPresent(
              log ->
                  assertThat(log.since(mark))
                      .contains("skips custom_data.teams")
                      .contains("larger than")
                      .doesNotContain("s3cr3t"));
    }
  }

  @Nested
  class SavingAMapper {

    private int posted;

    private HttpApi.Answer post(HttpApi admin, BrokerSetup setup, String type, String config) {
      return admin.send(
          "POST",
          mappersPath(setup),
          "application/json",
          "{\"name\":\"m"
              + (posted++ == 0 ? "" : posted)
              + "\",\"identityProviderAlias\":\"upstream\",\"identityProviderMapper\":\""
              + type
              + "\",\"config\":"
              + config
              + "}");
    }

    private String mappersPath(BrokerSetup setup) {
      return "/admin/realms/"
          + setup.consumer.name()
          + "/identity-provider/instances/"
          + BrokerSetup.ALIAS
          + "/mappers";
    }

    private List<IdentityProviderMapperRepresentation> stored(BrokerSetup setup) {
      return setup.consumer.admin().identityProviders().get(BrokerSetup.ALIAS).getMappers();
    }

    @Test
    void refusesATargetTheProviderMayNotWriteWith400AndTheReasonAndStoresNothing(
        Realms realms, HttpApi admin) {
      BrokerSetup setup = BrokerSetup.create(realms, "IMPORT");

      var status =
          post(admin, setup, ATTRIBUTE_MAPPER, "{\"source\":\"plan\",\"target\":\"status.plan\"}");
      var trespass =
          post(
              admin, setup, ATTRIBUTE_MAPPER, "{\"source\":\"sub\",\"target\":\"idp.google.sub\"}");
      var userOwned =
          post(
              admin,
              setup,
              ATTRIBUTE_MAPPER,
              "{\"source\":\"sub\",\"target\":\"user_metadata.sub\"}");

      assertThat(List.of(status, trespass, userOwned))
          .allSatisfy(a -> assertThat(a.status()).as(a.body()).isEqualTo(400));
      assertThat(status.json().path("errorMessage").asText())
          .startsWith("Mapper 'm': target")
          .contains("status");
      assertThat(trespass.json().path("errorMessage").asText()).contains("idp.upstream");
      assertThat(stored(setup)).isEmpty();
    }

    @Test
    void refusesABadPathTypeOrPolicyNamingTheKey(Realms realms, HttpApi admin) {
      BrokerSetup setup = BrokerSetup.create(realms, "IMPORT");

      var path =
          post(
              admin,
              setup,
              ATTRIBUTE_MAPPER,
              "{\"source\":\"teams[x\",\"target\":\"custom_data.teams\"}");
      var type =
          post(
              admin,
              setup,
              ATTRIBUTE_MAPPER,
              "{\"source\":\"plan\",\"target\":\"custom_data.plan\",\"value.type\":\"banana\"}");
      var policy =
          post(
              admin,
              setup,
              ATTRIBUTE_MAPPER,
              "{\"source\":\"plan\",\"target\":\"custom_data.plan\",\"update.policy\":\"sometimes\"}");
      var email =
          post(
              admin, setup, "userdata-email-verification-idp-mapper", "{\"policy\":\"sometimes\"}");

      assertThat(path.json().path("errorMessage").asText()).startsWith("Mapper 'm': source: ");
      assertThat(type.json().path("errorMessage").asText())
          .contains("value.type")
          .contains("banana");
      assertThat(policy.json().path("errorMessage").asText()).contains("update.policy");
      assertThat(email.json().path("errorMessage").asText()).contains("'policy'");
      assertThat(List.of(path, type, policy, email))
          .allSatisfy(a -> assertThat(a.status()).isEqualTo(400));
      assertThat(stored(setup)).isEmpty();
    }

    @Test
    void refusesAnUpdateThatBreaksTheConfigAndKeepsTheStoredOne(Realms realms, HttpApi admin) {
      BrokerSetup setup = BrokerSetup.create(realms, "IMPORT");
      setup.mapper("plan", Map.of("source", "plan", "target", "custom_data.plan"));
      IdentityProviderMapperRepresentation saved = stored(setup).get(0);

      var answer =
          admin.send(
              "PUT",
              mappersPath(setup) + "/" + saved.getId(),
              "application/json",
              "{\"id\":\""
                  + saved.getId()
                  + "\",\"name\":\"plan\",\"identityProviderAlias\":\"upstream\","
                  + "\"identityProviderMapper\":\"userdata-attribute-idp-mapper\","
                  + "\"config\":{\"source\":\"plan\",\"target\":\"app_metadata\"}}");

      assertThat(answer.status()).isEqualTo(400);
      assertThat(answer.json().path("errorMessage").asText()).startsWith("Mapper 'plan': target");
      assertThat(stored(setup).get(0).getConfig()).containsEntry("target", "custom_data.plan");
    }

    @Test
    void letsAGoodConfigAndOtherMapperTypesThrough(Realms realms, HttpApi admin) {
      BrokerSetup setup = BrokerSetup.create(realms, "IMPORT");

      var ours =
          post(
              admin,
              setup,
              ATTRIBUTE_MAPPER,
              "{\"source\":\"a\\\\.b[0]\",\"target\":\"idp.upstream.ab\",\"value.type\":\"json\"}");
      var keycloaks =
          post(
              admin,
              setup,
              "hardcoded-attribute-idp-mapper",
              "{\"attribute\":\"x\",\"attribute.value\":\"status.plan\"}");

      assertThat(ours.status()).as(ours.body()).isEqualTo(201);
      assertThat(keycloaks.status()).as(keycloaks.body()).isEqualTo(201);
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
    void withForceReportsAValueThatNowBreaksTheLimitsInThatLoginsEventOnly(
        Realms realms, Browser browser, HttpApi admin) {
      BrokerSetup setup = BrokerSetup.create(realms, "FORCE");
      setup.mapper("teams", Map.of("source", "teams", "target", "custom_data.teams"));
      setup.mapper(
          "name",
          Map.of("source", "company.name", "target", "custom_data.name", "value.type", "number"));
      saveEvents(setup);
      String userId = setup.login(browser);
      assertThat(skippedDetail(setup, userId))
          .isEqualTo("custom_data.name (mapper 'name'): the value of company.name is not a number");
      setup.setUpstream(
          Map.of(
              "teams",
              IntStream.range(0, 20).mapToObj(n -> "x".repeat(1000) + n).toList(),
              "company",
              List.of("{\"name\":\"42\"}")));

      setup.login(browser);

      assertThat(skippedDetail(setup, userId))
          .startsWith("custom_data.teams (mapper 'teams'): ")
          .contains("larger than")
          .doesNotContain("xxxx")
          .doesNotContain("custom_data.name");
      assertThat(data(admin, setup, userId).path("custom_data").path("teams").toString())
          .isEqualTo("[\"red\",\"blue\"]");
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
  class UnderANamespaceSchema {

    @Test
    void aValueTheSchemaRefusesIsSkippedAndReportedAndTheRestImported(
        Realms realms, Browser browser, HttpApi admin) {
      BrokerSetup setup = BrokerSetup.create(realms, "IMPORT");
      admin
          .send(
              "PUT",
              "/admin/realms/" + setup.consumer.name() + "/user-data/schemas/custom_data",
              "application/json",
              "{\"properties\":{\"plan\":{\"enum\":[\"free\",\"team\"]}}}")
          .requireStatus(200);
      setup.mapper("plan", Map.of("source", "plan", "target", "custom_data.plan"));
      setup.mapper("company", Map.of("source", "company.name", "target", "app_metadata.company"));
      saveEvents(setup);

      String userId = setup.login(browser);

      JsonNode data = data(admin, setup, userId);
      assertThat(data.path("custom_data").has("plan")).isFalse();
      assertThat(data.path("app_metadata").path("company").asText()).isEqualTo("Acme");
      assertThat(skippedDetail(setup, userId))
          .startsWith("custom_data.plan (mapper 'plan'): ")
          .contains("schema")
          .doesNotContain("pro");
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

  @Nested
  class TheSyncFingerprints {

    private static final java.util.regex.Pattern KEYED =
        java.util.regex.Pattern.compile("hmac:(op|aes)-[^:\"]+:[A-Za-z0-9_-]{22}");

    /** Ursula signs in through the provider; her own token, from the consumer's test app. */
    private String signIn(Browser browser, BrokerSetup setup) {
      LoginOutcome outcome =
          browser.loginThroughIdp(
              setup.consumer, BrokerSetup.ALIAS, "ursula", BrokerSetup.PASSWORD);
      assertThat(outcome.signedIn()).as(outcome.pageText()).isTrue();
      var tokens = setup.consumer.tokens().exchangeCode(outcome.code());
      assertThat(tokens.ok()).as(tokens.body().toString()).isTrue();
      return tokens.accessToken();
    }

    @Test
    void areKeyedHmacsThatAdminsSeeAndTheUserNeverDoes(
        Realms realms, Browser browser, HttpApi admin) {
      BrokerSetup setup = BrokerSetup.create(realms, "FORCE");
      // Users see undeclared attributes too, the most permissive setting.
      setup.consumer.unmanagedAttributes(UnmanagedAttributePolicy.ENABLED);
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
          "company",
          Map.of(
              "source",
              "company",
              "target",
              "app_metadata.company",
              "update.policy",
              "preserve-local-edits"));
      String token = signIn(browser, setup);
      String userId =
          setup.consumer.admin().users().searchByUsername("ursula", true).get(0).getId();
      HttpApi ursula = setup.consumer.http(token);
      String me = "/realms/" + setup.consumer.name() + "/user-data/me";
      String account = "/realms/" + setup.consumer.name() + "/account";

      JsonNode adminExport =
          admin
              .get(
                  "/admin/realms/"
                      + setup.consumer.name()
                      + "/user-data/users/"
                      + userId
                      + "/export")
              .requireStatus(200)
              .json();
      List<HttpApi.Answer> ownAnswers =
          List.of(
              ursula.get(me),
              ursula.send(
                  "PATCH",
                  me,
                  "application/merge-patch+json",
                  "{\"user_metadata\":{\"lang\":\"fr\"}}"),
              ursula.get(me + "/export"),
              ursula.get(account, "Accept", "application/json"),
              ursula.get(account + "?userProfileMetadata=true", "Accept", "application/json"));

      JsonNode synced = adminExport.path("status").path("idp_sync").path(BrokerSetup.ALIAS);
      assertThat(synced.path("custom_data.plan").asText()).matches(KEYED);
      assertThat(synced.path("app_metadata.company").asText()).matches(KEYED);
      List<String> fingerprints =
          List.of(
              synced.path("custom_data.plan").asText(),
              synced.path("app_metadata.company").asText());
      for (HttpApi.Answer own : ownAnswers) {
        assertThat(own.status()).as(own.body()).isEqualTo(200);
        assertThat(own.body())
            .as(own.body())
            .doesNotContain("idp_sync")
            .doesNotContain("hmac:")
            .doesNotContain(fingerprints.get(0))
            .doesNotContain(fingerprints.get(1));
      }
    }

    @Test
    void stillTellALocalEditFromTheProvidersValue(Realms realms, Browser browser, HttpApi admin) {
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
      String userId = setup.login(browser);
      String first =
          data(admin, setup, userId)
              .path("status")
              .path("idp_sync")
              .path(BrokerSetup.ALIAS)
              .path("custom_data.plan")
              .asText();
      setup.setUpstream(Map.of("plan", List.of("enterprise")));

      setup.login(browser);

      JsonNode after = data(admin, setup, userId);
      String second =
          after
              .path("status")
              .path("idp_sync")
              .path(BrokerSetup.ALIAS)
              .path("custom_data.plan")
              .asText();
      assertThat(after.path("custom_data").path("plan").asText()).isEqualTo("enterprise");
      assertThat(first).matches(KEYED);
      assertThat(second).matches(KEYED).isNotEqualTo(first);
    }
  }
}

package io.kcuserdata.it.claims.external;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kcuserdata.it.harness.HttpApi;
import io.kcuserdata.it.harness.KeycloakIT;
import io.kcuserdata.it.harness.Realms;
import io.kcuserdata.it.harness.TestHttpServer.Response;
import io.kcuserdata.it.harness.TokenEndpoint.TokenResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.ClientScopeRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;

/**
 * {@code userdata-external-claims-mapper}'s cache, on: an answer is reused only for a call that
 * would send the same thing. The API answers by what it was sent (the organization, the requested
 * audience, the user's data), so a wrong reuse shows in the token.
 */
@KeycloakIT
class ExternalClaimsCacheKeyIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ClaimsApi api;
  private String aliceId;

  @BeforeEach
  void realmWithAnApiThatAnswersByWhatItIsSent(Realms realms) {
    api = new ClaimsApi(realms.create());
    aliceId = api.realm.admin().users().search("alice").get(0).getId();
    api.answers(
        request -> {
          JsonNode sent = JSON.readTree(request.body());
          return Response.json(
              200,
              JSON.createObjectNode()
                  .put("org", sent.path("organization").path("alias").asText("none"))
                  .put("audience", sent.path("requested_audience").toString())
                  .put("plan", sent.path("user").path("custom_data").path("plan").asText("none"))
                  .toString());
        });
    api.addMapper(
        ClaimsApi.CONFIDENTIAL,
        "ext",
        Map.of(
            "claim.name", "ext", "cache.ttl.seconds", "300", "context.namespaces", "custom_data"));
  }

  @AfterEach
  void stopApi() {
    api.close();
  }

  private JsonNode ext(TokenResponse token) {
    return JSON.valueToTree(api.access(token).getClaim("ext"));
  }

  private TokenResponse alice(String scope) {
    return api.grant(
        Map.of(
            "grant_type", "password",
            "username", "alice",
            "password", "pw-alice-1",
            "scope", scope));
  }

  @Nested
  class Organizations {

    @BeforeEach
    void organizationsOnAndRequestableByTheClient() {
      RealmRepresentation realm = new RealmRepresentation();
      realm.setOrganizationsEnabled(true);
      api.realm.admin().update(realm);
      ClientScopeRepresentation organization =
          api.realm.admin().clientScopes().findAll().stream()
              .filter(s -> s.getName().equals("organization"))
              .findFirst()
              .orElseThrow(() -> new AssertionError("no organization client scope"));
      String client =
          api.realm.admin().clients().findByClientId(ClaimsApi.CONFIDENTIAL).get(0).getId();
      api.realm.admin().clients().get(client).addOptionalClientScope(organization.getId());
    }

    @Test
    void aMemberOfTwoGetsEachOrganizationsOwnAnswer() {
      api.realm.createOrganization("acme", aliceId);
      api.realm.createOrganization("globex", aliceId);

      JsonNode acme = ext(alice("openid organization:acme"));
      JsonNode globex = ext(alice("openid organization:globex"));
      JsonNode acmeAgain = ext(alice("openid organization:acme"));

      assertThat(acme.path("org").asText()).isEqualTo("acme");
      assertThat(globex.path("org").asText()).isEqualTo("globex");
      assertThat(acmeAgain.path("org").asText()).isEqualTo("acme");
      assertThat(api.calls()).as("the third token is served from the cache").hasSize(2);
    }

    @Test
    void anAnswerForOneOrganizationIsNeverServedForATokenOfAnother() {
      String acme = api.realm.createOrganization("acme", aliceId);
      String globex = api.realm.createOrganization("globex");
      JsonNode before = ext(alice("openid organization"));
      api.realm.admin().organizations().get(acme).members().member(aliceId).delete().close();
      api.realm.admin().organizations().get(globex).members().addMember(aliceId).close();

      JsonNode after = ext(alice("openid organization"));

      assertThat(before.path("org").asText()).isEqualTo("acme");
      assertThat(after.path("org").asText()).isEqualTo("globex");
    }
  }

  @Nested
  class RequestedAudiences {

    @Test
    void eachAudienceOfATokenExchangeGetsItsOwnAnswer() {
      ClientRepresentation billing = new ClientRepresentation();
      billing.setClientId("billing-api");
      billing.setEnabled(true);
      api.realm.admin().clients().create(billing).close();
      String client =
          api.realm.admin().clients().findByClientId(ClaimsApi.CONFIDENTIAL).get(0).getId();
      ProtocolMapperRepresentation audience = new ProtocolMapperRepresentation();
      audience.setName("audience billing");
      audience.setProtocol("openid-connect");
      audience.setProtocolMapper("oidc-audience-mapper");
      audience.setConfig(
          Map.of("included.client.audience", "billing-api", "access.token.claim", "true"));
      api.realm.admin().clients().get(client).getProtocolMappers().createMapper(audience).close();
      String subject = api.password().accessToken();

      TokenResponse toTarget =
          api.realm
              .tokens()
              .exchange(ClaimsApi.CONFIDENTIAL, ClaimsApi.SECRET, subject, ClaimsApi.TARGET);
      TokenResponse toBilling =
          api.realm
              .tokens()
              .exchange(ClaimsApi.CONFIDENTIAL, ClaimsApi.SECRET, subject, "billing-api");

      assertThat(ext(toTarget).path("audience").asText()).contains(ClaimsApi.TARGET);
      assertThat(ext(toBilling).path("audience").asText())
          .contains("billing-api")
          .doesNotContain(ClaimsApi.TARGET);
    }
  }

  @Nested
  class TheUsersData {

    @Test
    void aChangeOfANamespaceSentToTheApiIsAskedAboutAgain(HttpApi admin) {
      JsonNode before = ext(api.password());
      admin.send(
          "PATCH",
          "/admin/realms/" + api.realm.name() + "/user-data/users/" + aliceId,
          "application/merge-patch+json",
          "{\"custom_data\":{\"plan\":\"team\"}}");

      JsonNode after = ext(api.password());

      assertThat(before.path("plan").asText()).isEqualTo("none");
      assertThat(after.path("plan").asText()).isEqualTo("team");
    }

    @Test
    void anUnchangedUserIsServedFromTheCacheAcrossSessionsAndGrants() {
      api.password();
      TokenResponse second = api.password();
      TokenResponse refreshed =
          api.grant(Map.of("grant_type", "refresh_token", "refresh_token", second.refreshToken()));

      assertThat(ext(refreshed).path("plan").asText()).isEqualTo("none");
      assertThat(api.calls()).hasSize(1);
    }
  }
}

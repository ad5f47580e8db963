package io.kcuserdata.it.claims;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.JWTClaimsSet;
import io.kcuserdata.it.harness.HttpApi;
import io.kcuserdata.it.harness.HttpApi.Answer;
import io.kcuserdata.it.harness.KeycloakIT;
import io.kcuserdata.it.harness.Realms;
import io.kcuserdata.it.harness.TestRealm;
import io.kcuserdata.it.harness.TokenEndpoint.TokenResponse;
import io.kcuserdata.it.harness.VerifiedTokens;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.resource.ClientResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;

/** {@code userdata-namespace-claim-mapper} in every token type, checked as an app checks them. */
@KeycloakIT
class NamespaceClaimMapperIT {

  private static final String DATA =
      "{\"custom_data\":{\"plan\":\"pro\",\"seats\":5,\"flags\":{\"beta\":true},\"internal\":\"x\"}}";

  private TestRealm realm;
  private ClientResource app;
  private VerifiedTokens verifier;

  @BeforeEach
  void aUserWithCustomData(Realms realms, HttpApi admin) {
    realm = realms.create();
    String aliceId = realm.createUser("alice", "pw-alice-1");
    Answer written =
        admin.send(
            "PATCH",
            "/admin/realms/" + realm.name() + "/user-data/users/" + aliceId,
            "application/merge-patch+json",
            DATA);
    assertThat(written.status()).as(written.body()).isEqualTo(200);
    app =
        realm
            .admin()
            .clients()
            .get(realm.admin().clients().findByClientId("test-app").get(0).getId());
    verifier = new VerifiedTokens(realm);
  }

  private void addMapper(Map<String, String> config) {
    ProtocolMapperRepresentation mapper = new ProtocolMapperRepresentation();
    mapper.setName("custom data");
    mapper.setProtocol("openid-connect");
    mapper.setProtocolMapper("userdata-namespace-claim-mapper");
    Map<String, String> all =
        new HashMap<>(
            Map.of(
                "namespace", "custom_data",
                "keys", "plan,seats,flags",
                "claim.name", "custom",
                "access.token.claim", "true",
                "id.token.claim", "true",
                "userinfo.token.claim", "true",
                "introspection.token.claim", "true"));
    all.putAll(config);
    mapper.setConfig(all);
    try (Response created = app.getProtocolMappers().createMapper(mapper)) {
      assertThat(created.getStatus()).isEqualTo(201);
    }
  }

  private static void assertCustomClaim(Map<String, Object> custom) {
    assertThat(custom).containsOnlyKeys("plan", "seats", "flags");
    assertThat(custom.get("plan")).isEqualTo("pro");
    assertThat(((Number) custom.get("seats")).intValue()).isEqualTo(5);
    assertThat(custom.get("flags")).isEqualTo(Map.of("beta", true));
  }

  @Nested
  class InEveryTokenType {

    @Test
    void theAccessAndIdTokensCarryTheChosenKeysWithTheirTypes() throws Exception {
      addMapper(Map.of());

      TokenResponse tokens = realm.tokens().password("alice", "pw-alice-1");

      JWTClaimsSet access = verifier.verify(tokens.accessToken());
      JWTClaimsSet id = verifier.verify(tokens.body().path("id_token").asText());
      assertCustomClaim(access.getJSONObjectClaim("custom"));
      assertCustomClaim(id.getJSONObjectClaim("custom"));
    }

    @Test
    void userinfoAndIntrospectionCarryItToo() {
      addMapper(Map.of());
      addIntrospector();
      String accessToken = realm.tokens().password("alice", "pw-alice-1").accessToken();

      Answer userinfo =
          realm
              .http(accessToken)
              .get("/realms/" + realm.name() + "/protocol/openid-connect/userinfo");
      assertThat(userinfo.status()).as(userinfo.body()).isEqualTo(200);
      assertThat(userinfo.json().path("custom").toString())
          .isEqualTo("{\"plan\":\"pro\",\"seats\":5,\"flags\":{\"beta\":true}}");

      JsonNode introspected = introspect(accessToken);
      assertThat(introspected.path("active").asBoolean()).isTrue();
      assertThat(introspected.path("custom").path("seats").asInt()).isEqualTo(5);
    }

    @Test
    void eachToggleKeepsTheClaimOutOfItsToken() throws Exception {
      addMapper(Map.of("access.token.claim", "false", "userinfo.token.claim", "false"));

      TokenResponse tokens = realm.tokens().password("alice", "pw-alice-1");

      assertThat(verifier.verify(tokens.accessToken()).getClaim("custom")).isNull();
      assertThat(verifier.verify(tokens.body().path("id_token").asText()).getClaim("custom"))
          .isNotNull();
      Answer userinfo =
          realm
              .http(tokens.accessToken())
              .get("/realms/" + realm.name() + "/protocol/openid-connect/userinfo");
      assertThat(userinfo.json().has("custom")).isFalse();
    }

    @Test
    void lightweightAccessTokensCarryItOnlyWithTheLightweightToggle() throws Exception {
      ClientRepresentation rep = app.toRepresentation();
      rep.getAttributes().put("client.use.lightweight.access.token.enabled", "true");
      app.update(rep);
      addMapper(Map.of("lightweight.claim", "true"));

      String accessToken = realm.tokens().password("alice", "pw-alice-1").accessToken();

      JWTClaimsSet access = verifier.verify(accessToken);
      assertThat(access.getClaim("email")).as("a lightweight token").isNull();
      assertCustomClaim(access.getJSONObjectClaim("custom"));
    }
  }

  @Nested
  class Configuration {

    @Test
    void allKeysWhenNoneAreChosen() throws Exception {
      addMapper(Map.of("keys", ""));

      JWTClaimsSet access =
          verifier.verify(realm.tokens().password("alice", "pw-alice-1").accessToken());

      assertThat(access.getJSONObjectClaim("custom"))
          .containsOnlyKeys("plan", "seats", "flags", "internal");
    }

    @Test
    void refusesTheStatusNamespaceWithAClearMessage() {
      ProtocolMapperRepresentation mapper = new ProtocolMapperRepresentation();
      mapper.setName("status");
      mapper.setProtocol("openid-connect");
      mapper.setProtocolMapper("userdata-namespace-claim-mapper");
      mapper.setConfig(Map.of("namespace", "status", "access.token.claim", "true"));

      try (Response refused = app.getProtocolMappers().createMapper(mapper)) {
        assertThat(refused.getStatus()).isEqualTo(400);
        assertThat(refused.readEntity(String.class)).contains("status namespace");
      }
      assertThat(app.getProtocolMappers().getMappers()).isEmpty();
    }
  }

  /** A confidential client in the test app's token audience, as Keycloak requires to introspect. */
  private void addIntrospector() {
    ClientRepresentation introspector = new ClientRepresentation();
    introspector.setClientId("introspector");
    introspector.setSecret("introspector-secret");
    introspector.setPublicClient(false);
    introspector.setServiceAccountsEnabled(true);
    realm.admin().clients().create(introspector).close();
    ProtocolMapperRepresentation audience = new ProtocolMapperRepresentation();
    audience.setName("introspector audience");
    audience.setProtocol("openid-connect");
    audience.setProtocolMapper("oidc-audience-mapper");
    audience.setConfig(
        Map.of(
            "included.client.audience", "introspector",
            "access.token.claim", "true",
            "introspection.token.claim", "true"));
    app.getProtocolMappers().createMapper(audience).close();
  }

  private JsonNode introspect(String token) {
    String form =
        "token="
            + URLEncoder.encode(token, StandardCharsets.UTF_8)
            + "&client_id=introspector&client_secret=introspector-secret";
    Answer answer =
        realm
            .http(null)
            .send(
                "POST",
                "/realms/" + realm.name() + "/protocol/openid-connect/token/introspect",
                "application/x-www-form-urlencoded",
                form);
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return answer.json();
  }
}

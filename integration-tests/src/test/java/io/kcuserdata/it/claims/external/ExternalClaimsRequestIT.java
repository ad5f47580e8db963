package io.kcuserdata.it.claims.external;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jwt.JWTClaimsSet;
import com.standardwebhooks.Webhook;
import io.kcuserdata.it.harness.Browser;
import io.kcuserdata.it.harness.DistributionServer;
import io.kcuserdata.it.harness.HttpApi;
import io.kcuserdata.it.harness.KeycloakIT;
import io.kcuserdata.it.harness.LoginOutcome;
import io.kcuserdata.it.harness.Realms;
import io.kcuserdata.it.harness.TestHttpServer.RecordedRequest;
import io.kcuserdata.it.harness.TestHttpServer.Response;
import io.kcuserdata.it.harness.TestRealm;
import io.kcuserdata.it.harness.TokenEndpoint.TokenResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * {@code userdata-external-claims-mapper}: what the claims API receives, how it is authenticated,
 * and which tokens of which grants carry its answer.
 */
@KeycloakIT
class ExternalClaimsRequestIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ClaimsApi api;

  @BeforeEach
  void realmWithClaimsApi(Realms realms) {
    api = new ClaimsApi(realms.create());
  }

  @AfterEach
  void stopApi() {
    api.close();
  }

  private JsonNode body(RecordedRequest request) throws Exception {
    return JSON.readTree(request.body());
  }

  @Nested
  class TheRequest {

    @Test
    void carriesTheTokenContextAndOnlyTheNamespacesListed(HttpApi admin) throws Exception {
      String alice = api.realm.admin().users().search("alice").get(0).getId();
      admin.send(
          "PATCH",
          "/admin/realms/" + api.realm.name() + "/user-data/users/" + alice,
          "application/merge-patch+json",
          "{\"custom_data\":{\"plan\":\"team\"},\"app_metadata\":{\"internal\":7}}");
      api.addMapper(ClaimsApi.CONFIDENTIAL, "ext", Map.of("context.namespaces", "custom_data"));

      TokenResponse token = api.password();

      assertThat(token.ok()).as(token.body().toString()).isTrue();
      JsonNode sent = body(api.calls().get(0));
      assertThat(sent.path("realm").asText()).isEqualTo(api.realm.name());
      assertThat(sent.path("client_id").asText()).isEqualTo(ClaimsApi.CONFIDENTIAL);
      assertThat(sent.path("grant_type").asText()).isEqualTo("password");
      assertThat(sent.path("scope").asText()).contains("openid");
      assertThat(sent.path("token_type").asText()).isEqualTo("access");
      assertThat(sent.path("session_id").asText()).isNotBlank();
      assertThat(sent.path("user").path("id").asText()).isEqualTo(alice);
      assertThat(sent.path("user").path("username").asText()).isEqualTo("alice");
      assertThat(sent.path("user").path("email").asText()).isEqualTo("alice@example.test");
      assertThat(sent.path("user").path("email_verified").asBoolean()).isTrue();
      assertThat(sent.path("user").path("custom_data").path("plan").asText()).isEqualTo("team");
      assertThat(sent.path("user").has("app_metadata")).isFalse();
      assertThat(api.calls().get(0).header("Content-Type")).startsWith("application/json");
    }

    @Test
    void sendsAppMetadataOnlyWhenNamed(HttpApi admin) throws Exception {
      String alice = api.realm.admin().users().search("alice").get(0).getId();
      admin.send(
          "PATCH",
          "/admin/realms/" + api.realm.name() + "/user-data/users/" + alice,
          "application/merge-patch+json",
          "{\"app_metadata\":{\"internal\":7}}");
      api.addMapper(ClaimsApi.CONFIDENTIAL, "ext", Map.of("context.namespaces", "app_metadata"));

      api.password();

      assertThat(
              body(api.calls().get(0)).path("user").path("app_metadata").path("internal").asInt())
          .isEqualTo(7);
    }
  }

  @Nested
  class Authentication {

    @Test
    void hmacSignsTheBodyAsAStandardWebhooksMessage() throws Exception {
      String secret = "whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[32]);
      api.addMapper(
          ClaimsApi.CONFIDENTIAL, "ext", Map.of("auth.type", "hmac", "auth.secret", secret));

      api.password();

      RecordedRequest call = api.calls().get(0);
      Map<String, List<String>> headers =
          call.headers().entrySet().stream()
              .collect(
                  Collectors.toMap(e -> e.getKey().toLowerCase(Locale.ROOT), Map.Entry::getValue));
      // The official Standard Webhooks library, not the pack's signer, checks the signature.
      new Webhook(secret).verify(call.bodyText(), headers);
      assertThat(call.header("webhook-id")).startsWith("msg_");
    }

    @Test
    void bearerSendsTheConfiguredSecret() {
      api.addMapper(
          ClaimsApi.CONFIDENTIAL, "ext", Map.of("auth.type", "bearer", "auth.secret", "s3cr3t"));

      api.password();

      assertThat(api.calls().get(0).header("Authorization")).isEqualTo("Bearer s3cr3t");
    }

    @Test
    void bearerReadsAVaultReference() {
      api.addMapper(
          ClaimsApi.CONFIDENTIAL,
          "ext",
          Map.of(
              "auth.type",
              "bearer",
              "auth.secret",
              "${vault." + DistributionServer.VAULT_KEY + "}"));

      api.password();

      assertThat(api.calls().get(0).header("Authorization"))
          .isEqualTo("Bearer " + DistributionServer.VAULT_SECRET);
    }

    @Test
    void clientCredentialsFetchesATokenOnceAndReusesIt() {
      api.server.respond(
          "/token",
          request -> Response.json(200, "{\"access_token\":\"api-token-1\",\"expires_in\":300}"));
      api.addMapper(
          ClaimsApi.CONFIDENTIAL,
          "ext",
          Map.of(
              "auth.type", "client-credentials",
              "auth.token.url", api.server.uri("/token").toString(),
              "auth.client.id", "keycloak",
              "auth.secret", "cc-secret",
              "cache.ttl.seconds", "0"));

      api.password();
      api.password();

      List<RecordedRequest> tokenCalls =
          api.server.requests().stream().filter(r -> r.uri().getPath().equals("/token")).toList();
      assertThat(tokenCalls).hasSize(1);
      assertThat(tokenCalls.get(0).bodyText()).contains("grant_type=client_credentials");
      assertThat(tokenCalls.get(0).header("Authorization"))
          .isEqualTo(
              "Basic "
                  + java.util.Base64.getEncoder().encodeToString("keycloak:cc-secret".getBytes()));
      assertThat(api.calls()).hasSize(2);
      assertThat(api.calls()).allMatch(c -> "Bearer api-token-1".equals(c.header("Authorization")));
    }
  }

  @Nested
  class TokenTypes {

    @Test
    void accessIdUserinfoAndIntrospectionCarryTheClaimWithOneCallPerTokenRequest() {
      api.addMapper(ClaimsApi.CONFIDENTIAL, "ext", Map.of("claim.name", "ext"));

      TokenResponse token = api.password();
      JWTClaimsSet access = api.access(token);
      JWTClaimsSet id = api.id(token);
      HttpApi.Answer userinfo = api.userinfo(token.accessToken());
      HttpApi.Answer introspection = api.introspect(token.accessToken());

      assertThat(access.getClaim("ext")).isEqualTo(Map.of("plan", "pro"));
      assertThat(id.getClaim("ext")).isEqualTo(Map.of("plan", "pro"));
      assertThat(userinfo.json().path("ext").path("plan").asText())
          .as(userinfo.body())
          .isEqualTo("pro");
      assertThat(introspection.json().path("active").asBoolean()).as(introspection.body()).isTrue();
      assertThat(introspection.json().path("ext").path("plan").asText()).isEqualTo("pro");
      // One call for the token request (access and ID token), one for userinfo;
      // introspection is served from the cache.
      assertThat(api.calls()).hasSize(2);
      assertThat(api.calls().stream().map(c -> tokenType(c))).containsExactly("access", "userinfo");
    }

    @Test
    void lightweightAccessTokensCarryTheClaimOnlyWhenTheMapperSaysSo() {
      var client = api.realm.admin().clients().findByClientId(ClaimsApi.CONFIDENTIAL).get(0);
      client.getAttributes().put("client.use.lightweight.access.token.enabled", "true");
      api.realm.admin().clients().get(client.getId()).update(client);
      api.addMapper(
          ClaimsApi.CONFIDENTIAL,
          "in-light",
          Map.of("claim.name", "light", "lightweight.claim", "true"));
      api.addMapper(ClaimsApi.CONFIDENTIAL, "not-in-light", Map.of("claim.name", "heavy"));

      JWTClaimsSet access = api.access(api.password());

      assertThat(access.getClaim("light")).isEqualTo(Map.of("plan", "pro"));
      assertThat(access.getClaim("heavy")).isNull();
    }

    private String tokenType(RecordedRequest call) {
      try {
        return body(call).path("token_type").asText();
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    }
  }

  @Nested
  class Grants {

    @Test
    void authorizationCodeAndRefresh(Browser browser) throws Exception {
      api.addMapper(TestRealm.APP_CLIENT_ID, "ext", Map.of("claim.name", "ext"));

      LoginOutcome login = browser.login(api.realm, "alice", "pw-alice-1");
      TokenResponse code = api.realm.tokens().exchangeCode(login.code());
      TokenResponse refreshed = api.realm.tokens().refresh(code.refreshToken());

      assertThat(api.access(code).getClaim("ext")).isEqualTo(Map.of("plan", "pro"));
      assertThat(api.access(refreshed).getClaim("ext")).isEqualTo(Map.of("plan", "pro"));
      assertThat(body(api.calls().get(0)).path("grant_type").asText())
          .isEqualTo("authorization_code");
    }

    @Test
    void clientCredentialsForTheServiceAccount() throws Exception {
      api.addMapper(ClaimsApi.CONFIDENTIAL, "ext", Map.of("claim.name", "ext"));

      TokenResponse token = api.grant(Map.of("grant_type", "client_credentials"));

      assertThat(api.access(token).getClaim("ext")).isEqualTo(Map.of("plan", "pro"));
      JsonNode sent = body(api.calls().get(0));
      assertThat(sent.path("grant_type").asText()).isEqualTo("client_credentials");
      assertThat(sent.path("user").path("username").asText())
          .isEqualTo("service-account-" + ClaimsApi.CONFIDENTIAL);
    }

    @Test
    void tokenExchangeSendsTheRequestedAudience() throws Exception {
      TokenResponse subject = api.password();
      api.addMapper(ClaimsApi.CONFIDENTIAL, "ext", Map.of("claim.name", "ext"));

      TokenResponse exchanged =
          api.realm
              .tokens()
              .exchange(
                  ClaimsApi.CONFIDENTIAL,
                  ClaimsApi.SECRET,
                  subject.accessToken(),
                  ClaimsApi.TARGET);

      assertThat(api.access(exchanged).getClaim("ext")).isEqualTo(Map.of("plan", "pro"));
      JsonNode sent = body(api.calls().get(0));
      assertThat(sent.path("grant_type").asText())
          .isEqualTo("urn:ietf:params:oauth:grant-type:token-exchange");
      assertThat(sent.path("requested_audience").toString()).contains(ClaimsApi.TARGET);
    }
  }
}

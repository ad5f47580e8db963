package io.kcuserdata.it.claims.external;

import static org.assertj.core.api.Assertions.assertThat;

import io.kcuserdata.it.harness.KeycloakIT;
import io.kcuserdata.it.harness.KeycloakServer;
import io.kcuserdata.it.harness.Realms;
import io.kcuserdata.it.harness.TestHttpServer;
import io.kcuserdata.it.harness.TestHttpServer.Response;
import io.kcuserdata.it.harness.TestRealm;
import io.kcuserdata.it.harness.TokenEndpoint.TokenResponse;
import io.kcuserdata.it.harness.VerifiedTokens;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;

/**
 * {@code userdata-external-claims-mapper} against an API that is wrong or hostile: reserved claims,
 * refusals, and addresses the SSRF guard keeps it from.
 */
@KeycloakIT
class ExternalClaimsSafetyIT {

  private ClaimsApi api;

  @BeforeEach
  void realmWithClaimsApi(Realms realms) {
    api = new ClaimsApi(realms.create());
  }

  @AfterEach
  void stopApi() {
    api.close();
  }

  @Nested
  class ReservedClaims {

    @Test
    void areNeverOverwrittenWhenMergingAtTheTopLevel(KeycloakServer server) throws Exception {
      api.answers(
          request ->
              Response.json(
                  200,
                  "{\"sub\":\"someone-else\",\"iss\":\"https://evil.test\",\"aud\":\"evil\","
                      + "\"exp\":9999999999,\"scope\":\"admin\",\"realm_access\":{\"roles\":"
                      + "[\"admin\"]},\"plan\":\"pro\"}"));
      api.addMapper(ClaimsApi.CONFIDENTIAL, "ext", Map.of());

      TokenResponse token = api.password();
      var access = api.access(token);

      String alice = api.realm.admin().users().search("alice").get(0).getId();
      assertThat(access.getSubject()).isEqualTo(alice);
      assertThat(access.getIssuer()).isEqualTo(api.realm.issuer().toString());
      assertThat(access.getAudience()).doesNotContain("evil");
      assertThat(access.getStringClaim("scope").split(" ")).doesNotContain("admin");
      assertThat(access.getClaim("plan")).isEqualTo("pro");
      assertThat(access.getExpirationTime().getTime() / 1000).isLessThan(9999999999L);
      server
          .log()
          .ifPresent(
              log ->
                  assertThat(log.tail(400))
                      .contains("ignored claims the API may not set")
                      .contains("sub"));
    }

    @Test
    void cannotBeChosenAsTheClaimName() {
      ClaimsApi.Answer refused =
          api.tryAddMapper(ClaimsApi.CONFIDENTIAL, "ext", Map.of("claim.name", "realm_access.x"));

      assertThat(refused.status()).isEqualTo(400);
      assertThat(refused.body()).contains("realm_access");
    }
  }

  @Nested
  class Deny {

    @Test
    void failsTheTokenRequestWithAccessDeniedAndTheApisDescription() {
      api.answers(
          request ->
              Response.json(200, "{\"deny\":{\"error_description\":\"Subscription expired\"}}"));
      api.addMapper(ClaimsApi.CONFIDENTIAL, "ext", Map.of());

      TokenResponse token = api.password();

      assertThat(token.status()).isEqualTo(400);
      assertThat(token.error()).isEqualTo("access_denied");
      assertThat(token.body().path("error_description").asText()).isEqualTo("Subscription expired");
    }
  }

  @Nested
  class TheSsrfGuard {

    @Test
    void refusesPrivateAndMetadataAddressesWhenTheMapperIsSaved() {
      int port = api.url().getPort();
      for (String url :
          new String[] {
            "http://localhost:" + port + "/claims",
            "http://127.0.0.1:" + port + "/claims",
            "http://[::1]:" + port + "/claims",
            "http://169.254.169.254/latest/meta-data",
            "http://10.1.2.3/claims",
            "file:///etc/passwd"
          }) {
        ClaimsApi.Answer refused =
            api.tryAddMapper(ClaimsApi.CONFIDENTIAL, "ssrf", Map.of("url", url));

        assertThat(refused.status()).as(url).isEqualTo(400);
        assertThat(refused.body()).as(url).contains("refused");
      }
    }

    @Test
    void doesNotFollowARedirectToAPrivateAddress() {
      try (TestHttpServer internal = TestHttpServer.onAllowedHost()) {
        internal.respond("/secret", request -> Response.json(200, "{\"plan\":\"internal\"}"));
        api.answers(
            request ->
                new Response(
                    302, Map.of("Location", "http://10.0.0.1/latest/meta-data"), new byte[0]));
        api.addMapper(ClaimsApi.CONFIDENTIAL, "ext", Map.of("claim.name", "ext"));

        TokenResponse token = api.password();

        assertThat(token.ok()).isTrue();
        assertThat(api.access(token).getClaim("ext")).isNull();
        assertThat(api.calls()).hasSize(1);
      }
    }

    @Test
    void refusesAtCallTimeAMapperThatAnImportLetThrough(Realms realms) {
      try (TestHttpServer loopback = TestHttpServer.start()) {
        loopback.respond("/claims", request -> Response.json(200, "{\"plan\":\"internal\"}"));
        String url = "http://localhost:" + loopback.uri("/").getPort() + "/claims";
        TestRealm imported =
            realms.create(
                realm -> {
                  ProtocolMapperRepresentation mapper = new ProtocolMapperRepresentation();
                  mapper.setName("imported");
                  mapper.setProtocol("openid-connect");
                  mapper.setProtocolMapper("userdata-external-claims-mapper");
                  mapper.setConfig(
                      Map.of("url", url, "claim.name", "ext", "access.token.claim", "true"));
                  ClientRepresentation client = new ClientRepresentation();
                  client.setClientId("imported-app");
                  client.setPublicClient(true);
                  client.setDirectAccessGrantsEnabled(true);
                  client.setProtocolMappers(List.of(mapper));
                  List<ClientRepresentation> clients = new ArrayList<>();
                  if (realm.getClients() != null) {
                    clients.addAll(realm.getClients());
                  }
                  clients.add(client);
                  realm.setClients(clients);
                });
        imported.createUser("bob", "pw-bob-1");

        TokenResponse token =
            imported.tokens().password("imported-app", "bob", "pw-bob-1", "openid");

        assertThat(token.ok()).as(token.body().toString()).isTrue();
        assertThat(new VerifiedTokens(imported).verify(token.accessToken()).getClaim("ext"))
            .isNull();
        assertThat(loopback.requests()).isEmpty();
      }
    }

    @Test
    void letsTheAllowedHostThrough() {
      api.addMapper(ClaimsApi.CONFIDENTIAL, "ext", Map.of("claim.name", "ext"));

      assertThat(api.access(api.password()).getClaim("ext")).isEqualTo(Map.of("plan", "pro"));
    }
  }
}

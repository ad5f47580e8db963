package io.kcuserdata.it.claims.external;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.standardwebhooks.Webhook;
import io.kcuserdata.it.harness.DistributionServer;
import io.kcuserdata.it.harness.HttpApi;
import io.kcuserdata.it.harness.HttpApi.Answer;
import io.kcuserdata.it.harness.KeycloakIT;
import io.kcuserdata.it.harness.Realms;
import io.kcuserdata.it.harness.TestHttpServer.RecordedRequest;
import io.kcuserdata.it.harness.TestHttpServer.Response;
import io.kcuserdata.it.harness.TestRealm;
import io.kcuserdata.it.harness.TokenEndpoint.TokenResponse;
import io.kcuserdata.it.harness.VerifiedTokens;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.ClientScopeRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;

/**
 * {@code userdata-external-claims-mapper}'s secret at rest: sealed wherever a config arrives (the
 * admin API, a client or client scope created or updated with the mapper, a realm created from
 * JSON, a partial import), never shown in clear by the admin API or a realm export, opened only for
 * the realm, URL and authentication type it was sealed for.
 */
@KeycloakIT
class ExternalClaimsSecretsIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SECRET = "bearer-s3cr3t-4f9a";
  private static final String SEALED = "sealed:1:";
  private static final String MAPPER = "userdata-external-claims-mapper";

  private ClaimsApi api;
  private HttpApi admin;

  @BeforeEach
  void realmWithClaimsApi(Realms realms, HttpApi admin) {
    this.api = new ClaimsApi(realms.create());
    this.admin = admin;
  }

  @AfterEach
  void stopApi() {
    api.close();
  }

  private static Map<String, String> bearer(String secret) {
    return Map.of("auth.type", "bearer", "auth.secret", secret, "claim.name", "ext");
  }

  private String clientUuid(TestRealm realm, String clientId) {
    return realm.admin().clients().findByClientId(clientId).get(0).getId();
  }

  private String mappersPath(TestRealm realm, String clientId) {
    return "/admin/realms/"
        + realm.name()
        + "/clients/"
        + clientUuid(realm, clientId)
        + "/protocol-mappers/models";
  }

  /** The mapper as Keycloak's admin API answers it, read as the master admin. */
  private JsonNode stored(TestRealm realm, String clientId) {
    Answer answer = admin.get(mappersPath(realm, clientId));
    for (JsonNode mapper : answer.requireStatus(200).json()) {
      if (MAPPER.equals(mapper.path("protocolMapper").asText())) {
        return mapper;
      }
    }
    throw new AssertionError("no external claims mapper on " + clientId + ": " + answer.body());
  }

  private String storedSecret(TestRealm realm, String clientId) {
    return stored(realm, clientId).path("config").path("auth.secret").asText();
  }

  private Answer put(TestRealm realm, String clientId, JsonNode mapper) {
    return admin.send(
        "PUT",
        mappersPath(realm, clientId) + "/" + mapper.path("id").asText(),
        "application/json",
        mapper.toString());
  }

  /** The Authorization header the claims API saw on the latest call. */
  private String lastAuthorization() {
    List<RecordedRequest> calls = api.calls();
    assertThat(calls).isNotEmpty();
    return calls.get(calls.size() - 1).header("Authorization");
  }

  private static ProtocolMapperRepresentation mapper(Map<String, String> config) {
    Map<String, String> all = new HashMap<>(config);
    all.put("access.token.claim", "true");
    ProtocolMapperRepresentation mapper = new ProtocolMapperRepresentation();
    mapper.setName("ext");
    mapper.setProtocol("openid-connect");
    mapper.setProtocolMapper(MAPPER);
    mapper.setConfig(all);
    return mapper;
  }

  private Map<String, String> bearerTo(String secret) {
    Map<String, String> config = new HashMap<>(bearer(secret));
    config.put("url", api.url().toString());
    return config;
  }

  /** A public client with direct grants carrying {@code mappers}. */
  private static ClientRepresentation client(
      String clientId, List<ProtocolMapperRepresentation> mappers) {
    ClientRepresentation client = new ClientRepresentation();
    client.setClientId(clientId);
    client.setEnabled(true);
    client.setPublicClient(true);
    client.setDirectAccessGrantsEnabled(true);
    client.setProtocolMappers(mappers);
    return client;
  }

  private JsonNode tokenClaim(TestRealm realm, String clientId) {
    TokenResponse token = realm.tokens().password(clientId, "alice", "pw-alice-1", "openid");
    assertThat(token.ok()).as(token.body().toString()).isTrue();
    return JSON.valueToTree(new VerifiedTokens(realm).verify(token.accessToken()).getClaim("ext"));
  }

  @Nested
  class TheAdminApi {

    @Test
    void sealsAPlainSecretSoAnAdminWhoMayOnlyViewClientsNeverSeesIt() {
      api.addMapper(ClaimsApi.CONFIDENTIAL, "ext", bearer(SECRET));
      String viewer = api.realm.createUser("viewer", "pw-viewer-1");
      api.realm.grantClientRole(viewer, "realm-management", "view-clients");
      String token = api.realm.tokens().password("viewer", "pw-viewer-1").accessToken();

      Answer models = api.realm.http(token).get(mappersPath(api.realm, ClaimsApi.CONFIDENTIAL));

      assertThat(models.status()).as(models.body()).isEqualTo(200);
      assertThat(models.body()).doesNotContain(SECRET).contains(SEALED);
      assertThat(storedSecret(api.realm, ClaimsApi.CONFIDENTIAL)).startsWith(SEALED);
    }

    @Test
    void theSealedSecretStillAuthenticatesTheCall() {
      api.addMapper(ClaimsApi.CONFIDENTIAL, "ext", bearer(SECRET));

      assertThat(api.access(api.password()).getClaim("ext")).isEqualTo(Map.of("plan", "pro"));
      assertThat(lastAuthorization()).isEqualTo("Bearer " + SECRET);
    }

    @Test
    void sealsASecretAnUpdateChanges() {
      api.addMapper(ClaimsApi.CONFIDENTIAL, "ext", bearer(SECRET));
      ObjectNode mapper = (ObjectNode) stored(api.realm, ClaimsApi.CONFIDENTIAL);
      ((ObjectNode) mapper.path("config")).put("auth.secret", "rotated-s3cr3t");

      Answer saved = put(api.realm, ClaimsApi.CONFIDENTIAL, mapper);

      assertThat(saved.status()).as(saved.body()).isEqualTo(204);
      assertThat(storedSecret(api.realm, ClaimsApi.CONFIDENTIAL))
          .startsWith(SEALED)
          .doesNotContain("rotated");
      api.password();
      assertThat(lastAuthorization()).isEqualTo("Bearer rotated-s3cr3t");
    }

    @Test
    void keepsTheSealedSecretWhenTheConsoleSavesItBackUnchanged() {
      api.addMapper(ClaimsApi.CONFIDENTIAL, "ext", bearer(SECRET));
      ObjectNode mapper = (ObjectNode) stored(api.realm, ClaimsApi.CONFIDENTIAL);
      String sealed = mapper.path("config").path("auth.secret").asText();
      ((ObjectNode) mapper.path("config")).put("timeout.ms", "900");

      Answer saved = put(api.realm, ClaimsApi.CONFIDENTIAL, mapper);

      assertThat(saved.status()).as(saved.body()).isEqualTo(204);
      assertThat(storedSecret(api.realm, ClaimsApi.CONFIDENTIAL)).isEqualTo(sealed);
      api.password();
      assertThat(lastAuthorization()).isEqualTo("Bearer " + SECRET);
    }

    @Test
    void refusesToSendAKeptSealedSecretToAChangedUrl() {
      api.addMapper(ClaimsApi.CONFIDENTIAL, "ext", bearer(SECRET));
      ObjectNode mapper = (ObjectNode) stored(api.realm, ClaimsApi.CONFIDENTIAL);
      String before = mapper.path("config").path("auth.secret").asText();
      ((ObjectNode) mapper.path("config")).put("url", api.server.uri("/collect").toString());

      Answer saved = put(api.realm, ClaimsApi.CONFIDENTIAL, mapper);

      assertThat(saved.status()).as(saved.body()).isEqualTo(400);
      assertThat(saved.body()).contains("enter the secret again");
      assertThat(saved.body()).doesNotContain(SECRET);
      assertThat(stored(api.realm, ClaimsApi.CONFIDENTIAL).path("config").path("url").asText())
          .isEqualTo(api.url().toString());
      assertThat(storedSecret(api.realm, ClaimsApi.CONFIDENTIAL)).isEqualTo(before);
    }

    @Test
    void refusesToKeepASealedSecretWhenTheAuthenticationTypeChanges() {
      api.addMapper(ClaimsApi.CONFIDENTIAL, "ext", bearer(SECRET));
      ObjectNode mapper = (ObjectNode) stored(api.realm, ClaimsApi.CONFIDENTIAL);
      ObjectNode config = (ObjectNode) mapper.path("config");
      config.put("auth.type", "client-credentials");
      config.put("auth.token.url", api.server.uri("/token").toString());
      config.put("auth.client.id", "keycloak");

      Answer saved = put(api.realm, ClaimsApi.CONFIDENTIAL, mapper);

      assertThat(saved.status()).as(saved.body()).isEqualTo(400);
      assertThat(saved.body()).contains("enter the secret again");
    }

    @Test
    void refusesASealedSecretCopiedFromAnotherRealm(Realms realms) {
      TestRealm other = realms.create();
      try (ClaimsApi otherApi = new ClaimsApi(other)) {
        otherApi.addMapper(ClaimsApi.CONFIDENTIAL, "ext", bearerTo(SECRET));
        String sealedElsewhere = storedSecret(other, ClaimsApi.CONFIDENTIAL);

        ClaimsApi.Answer copied =
            api.tryAddMapper(ClaimsApi.CONFIDENTIAL, "ext", bearer(sealedElsewhere));

        assertThat(sealedElsewhere).startsWith(SEALED);
        assertThat(copied.status()).as(copied.body()).isEqualTo(400);
        assertThat(copied.body()).contains("enter the secret again");
      }
    }

    @Test
    void sealsTheHmacSecretAndStillSignsWithIt() throws Exception {
      String whsec = "whsec_" + Base64.getEncoder().encodeToString(new byte[32]);
      api.addMapper(
          ClaimsApi.CONFIDENTIAL, "ext", Map.of("auth.type", "hmac", "auth.secret", whsec));

      api.password();

      assertThat(storedSecret(api.realm, ClaimsApi.CONFIDENTIAL)).startsWith(SEALED);
      RecordedRequest call = api.calls().get(0);
      Map<String, List<String>> headers =
          call.headers().entrySet().stream()
              .collect(
                  Collectors.toMap(e -> e.getKey().toLowerCase(Locale.ROOT), Map.Entry::getValue));
      new Webhook(whsec).verify(call.bodyText(), headers);
    }

    @Test
    void sealsTheClientSecretOfClientCredentialsAndStillSendsIt() {
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
              "auth.secret", "cc-s3cr3t"));

      api.password();

      assertThat(storedSecret(api.realm, ClaimsApi.CONFIDENTIAL)).startsWith(SEALED);
      RecordedRequest tokenCall =
          api.server.requests().stream()
              .filter(r -> r.uri().getPath().equals("/token"))
              .findFirst()
              .orElseThrow();
      assertThat(tokenCall.header("Authorization"))
          .isEqualTo(
              "Basic " + Base64.getEncoder().encodeToString("keycloak:cc-s3cr3t".getBytes()));
    }

    @Test
    void leavesAVaultReferenceAsItIs() {
      String reference = "${vault." + DistributionServer.VAULT_KEY + "}";
      api.addMapper(ClaimsApi.CONFIDENTIAL, "ext", bearer(reference));

      api.password();

      assertThat(storedSecret(api.realm, ClaimsApi.CONFIDENTIAL)).isEqualTo(reference);
      assertThat(lastAuthorization()).isEqualTo("Bearer " + DistributionServer.VAULT_SECRET);
    }
  }

  @Nested
  class Exports {

    @Test
    void aPartialRealmExportWithClientsNeverShowsTheSecret() {
      api.addMapper(ClaimsApi.CONFIDENTIAL, "ext", bearer(SECRET));

      Answer export =
          admin.send(
              "POST",
              "/admin/realms/" + api.realm.name() + "/partial-export?exportClients=true",
              null,
              null);

      assertThat(export.status()).as(export.body()).isEqualTo(200);
      assertThat(export.body()).contains(MAPPER).contains(SEALED).doesNotContain(SECRET);
    }
  }

  @Nested
  class OtherWaysIntoTheConfig {

    @Test
    void aClientCreatedWithTheMapper() {
      api.realm
          .admin()
          .clients()
          .create(client("made-app", List.of(mapper(bearerTo(SECRET)))))
          .close();

      assertThat(storedSecret(api.realm, "made-app")).startsWith(SEALED);
      assertThat(tokenClaim(api.realm, "made-app").path("plan").asText()).isEqualTo("pro");
      assertThat(lastAuthorization()).isEqualTo("Bearer " + SECRET);
    }

    @Test
    void aClientUpdatedWithTheMapper() {
      api.realm.admin().clients().create(client("made-app", null)).close();
      String id = clientUuid(api.realm, "made-app");
      ClientRepresentation update = api.realm.admin().clients().get(id).toRepresentation();
      update.setProtocolMappers(List.of(mapper(bearerTo(SECRET))));

      api.realm.admin().clients().get(id).update(update);

      assertThat(storedSecret(api.realm, "made-app")).startsWith(SEALED);
      assertThat(tokenClaim(api.realm, "made-app").path("plan").asText()).isEqualTo("pro");
      assertThat(lastAuthorization()).isEqualTo("Bearer " + SECRET);
    }

    @Test
    void aClientScopeCreatedWithTheMapper() {
      ClientScopeRepresentation scope = new ClientScopeRepresentation();
      scope.setName("billing");
      scope.setProtocol("openid-connect");
      scope.setProtocolMappers(List.of(mapper(bearerTo(SECRET))));
      api.realm.admin().clientScopes().create(scope).close();
      String scopeId =
          api.realm.admin().clientScopes().findAll().stream()
              .filter(s -> s.getName().equals("billing"))
              .findFirst()
              .orElseThrow()
              .getId();

      Answer mappers =
          admin.get(
              "/admin/realms/"
                  + api.realm.name()
                  + "/client-scopes/"
                  + scopeId
                  + "/protocol-mappers/models");

      assertThat(mappers.requireStatus(200).body()).contains(SEALED).doesNotContain(SECRET);
      api.realm.admin().clients().create(client("made-app", null)).close();
      api.realm
          .admin()
          .clients()
          .get(clientUuid(api.realm, "made-app"))
          .addDefaultClientScope(scopeId);
      assertThat(tokenClaim(api.realm, "made-app").path("plan").asText()).isEqualTo("pro");
      assertThat(lastAuthorization()).isEqualTo("Bearer " + SECRET);
    }

    @Test
    void aRealmCreatedFromJson(Realms realms) {
      TestRealm imported =
          realms.create(
              realm -> {
                List<ClientRepresentation> clients = new ArrayList<>();
                if (realm.getClients() != null) {
                  clients.addAll(realm.getClients());
                }
                clients.add(client("made-app", List.of(mapper(bearerTo(SECRET)))));
                realm.setClients(clients);
              });
      imported.createUser("alice", "pw-alice-1");

      assertThat(storedSecret(imported, "made-app")).startsWith(SEALED);
      assertThat(tokenClaim(imported, "made-app").path("plan").asText()).isEqualTo("pro");
      assertThat(lastAuthorization()).isEqualTo("Bearer " + SECRET);
    }

    @Test
    void aPartialImport() throws Exception {
      ObjectNode body = JSON.createObjectNode().put("ifResourceExists", "FAIL");
      body.putArray("clients")
          .add(JSON.valueToTree(client("made-app", List.of(mapper(bearerTo(SECRET))))));

      Answer imported =
          admin.send(
              "POST",
              "/admin/realms/" + api.realm.name() + "/partialImport",
              "application/json",
              body.toString());

      assertThat(imported.status()).as(imported.body()).isEqualTo(200);
      assertThat(storedSecret(api.realm, "made-app")).startsWith(SEALED);
      assertThat(tokenClaim(api.realm, "made-app").path("plan").asText()).isEqualTo("pro");
      assertThat(lastAuthorization()).isEqualTo("Bearer " + SECRET);
    }
  }
}

package io.kcuserdata.it.claims.external;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kcuserdata.it.harness.DistributionServer;
import io.kcuserdata.it.harness.HttpApi;
import io.kcuserdata.it.harness.HttpApi.Answer;
import io.kcuserdata.it.harness.KeycloakIT;
import io.kcuserdata.it.harness.Realms;
import io.kcuserdata.it.harness.TestRealm;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;
import org.keycloak.representations.idm.RealmEventsConfigRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;

/**
 * {@code userdata-external-claims-mapper}'s secret never reaches an admin event in clear. A realm
 * that stores admin events with their representation keeps what the admin API was sent; whoever may
 * view events reads it. The pack seals the secret in the request itself, so the resource, the store
 * and the event only ever see the sealed form, and the mapper still authenticates with the secret.
 */
@KeycloakIT
class ExternalClaimsAdminEventsIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SECRET = "typed-in-s3cr3t-7c21";
  private static final String SEALED = "sealed:1:";
  private static final String MAPPER = "userdata-external-claims-mapper";
  private static final String JSON_TYPE = "application/json";

  private ClaimsApi api;
  private HttpApi admin;
  private String base;

  @BeforeEach
  void realmStoringAdminEventsWithTheirRepresentation(Realms realms, HttpApi admin) {
    this.api = new ClaimsApi(realms.create());
    this.admin = admin;
    this.base = "/admin/realms/" + api.realm.name();
    RealmRepresentation events = new RealmRepresentation();
    events.setAdminEventsEnabled(true);
    events.setAdminEventsDetailsEnabled(true);
    api.realm.admin().update(events);
  }

  @AfterEach
  void stopApi() {
    api.close();
  }

  /** The mapper's config: the claims API with a bearer secret. */
  private Map<String, String> config(String secret) {
    Map<String, String> config = new HashMap<>();
    config.put("url", api.url().toString());
    config.put("auth.type", "bearer");
    config.put("auth.secret", secret);
    config.put("claim.name", "ext");
    config.put("access.token.claim", "true");
    return config;
  }

  private ObjectNode mapper(String name, String secret) {
    ProtocolMapperRepresentation mapper = new ProtocolMapperRepresentation();
    mapper.setName(name);
    mapper.setProtocol("openid-connect");
    mapper.setProtocolMapper(MAPPER);
    mapper.setConfig(config(secret));
    return JSON.valueToTree(mapper);
  }

  /** A public client with direct grants, as JSON, carrying {@code mappers}. */
  private static ObjectNode client(String clientId, ObjectNode... mappers) {
    ClientRepresentation client = new ClientRepresentation();
    client.setClientId(clientId);
    client.setEnabled(true);
    client.setPublicClient(true);
    client.setDirectAccessGrantsEnabled(true);
    ObjectNode json = JSON.valueToTree(client);
    if (mappers.length > 0) {
      json.putArray("protocolMappers").addAll(List.of(mappers));
    }
    return json;
  }

  private static ObjectNode scope(String name, ObjectNode... mappers) {
    ObjectNode scope = JSON.createObjectNode().put("name", name).put("protocol", "openid-connect");
    if (mappers.length > 0) {
      scope.putArray("protocolMappers").addAll(List.of(mappers));
    }
    return scope;
  }

  private Answer send(String method, String path, JsonNode body) {
    return admin.send(method, path, JSON_TYPE, body.toString());
  }

  private String clientUuid(String clientId) {
    return api.realm.admin().clients().findByClientId(clientId).get(0).getId();
  }

  private String scopeUuid(String name) {
    return api.realm.admin().clientScopes().findAll().stream()
        .filter(s -> s.getName().equals(name))
        .findFirst()
        .orElseThrow()
        .getId();
  }

  private String createScope(String name) {
    send("POST", base + "/client-scopes", scope(name)).requireStatus(201);
    return scopeUuid(name);
  }

  /**
   * The stored mapper named {@code name} under {@code containerPath}, as the admin API shows it.
   */
  private ObjectNode storedMapper(String containerPath, String name) {
    for (JsonNode mapper :
        admin.get(containerPath + "/protocol-mappers/models").requireStatus(200).json()) {
      if (name.equals(mapper.path("name").asText())) {
        return (ObjectNode) mapper;
      }
    }
    throw new AssertionError("no mapper " + name + " under " + containerPath);
  }

  /**
   * The realm's admin events as a user holding only {@code view-events} reads them: at least one
   * recorded a representation carrying the mapper (so the request was recorded with its body).
   */
  private String adminEventsAsViewer(TestRealm realm) {
    String viewer = realm.createUser("auditor", "pw-auditor-1");
    realm.grantClientRole(viewer, "realm-management", "view-events");
    String token = realm.tokens().password("auditor", "pw-auditor-1").accessToken();
    Answer events =
        realm.http(token).get("/admin/realms/" + realm.name() + "/admin-events?max=1000");
    assertThat(events.status()).as(events.body()).isEqualTo(200);
    List<String> representations = new ArrayList<>();
    events.json().forEach(e -> representations.add(e.path("representation").asText("")));
    assertThat(representations).anyMatch(r -> r.contains(MAPPER));
    return events.body();
  }

  private void assertNoEventShowsTheSecret() {
    assertThat(adminEventsAsViewer(api.realm)).doesNotContain(SECRET).contains(SEALED);
  }

  /** A token through {@code clientId}: the claims API answered, called with the secret. */
  private void tokenThroughCallsTheApiWithTheSecret(String clientId) {
    var token = api.realm.tokens().password(clientId, "alice", "pw-alice-1", "openid");
    assertThat(token.ok()).as(token.body().toString()).isTrue();
    assertThat(api.calls()).isNotEmpty();
    assertThat(api.calls().get(api.calls().size() - 1).header("Authorization"))
        .isEqualTo("Bearer " + SECRET);
  }

  @Nested
  class TheProtocolMapperApi {

    @Test
    void aMapperCreatedOnAClient() {
      String client = base + "/clients/" + clientUuid(TestRealm.APP_CLIENT_ID);

      send("POST", client + "/protocol-mappers/models", mapper("ext", SECRET)).requireStatus(201);

      assertThat(storedMapper(client, "ext").path("config").path("auth.secret").asText())
          .startsWith(SEALED);
      assertNoEventShowsTheSecret();
      tokenThroughCallsTheApiWithTheSecret(TestRealm.APP_CLIENT_ID);
    }

    @Test
    void aMapperUpdatedWithANewSecret() {
      String client = base + "/clients/" + clientUuid(TestRealm.APP_CLIENT_ID);
      send("POST", client + "/protocol-mappers/models", mapper("ext", "first-one"))
          .requireStatus(201);
      ObjectNode stored = storedMapper(client, "ext");
      ((ObjectNode) stored.path("config")).put("auth.secret", SECRET);

      send("PUT", client + "/protocol-mappers/models/" + stored.path("id").asText(), stored)
          .requireStatus(204);

      assertNoEventShowsTheSecret();
      tokenThroughCallsTheApiWithTheSecret(TestRealm.APP_CLIENT_ID);
    }

    @Test
    void mappersAddedTogetherToAClient() {
      String client = base + "/clients/" + clientUuid(TestRealm.APP_CLIENT_ID);
      ArrayNode mappers = JSON.createArrayNode().add(mapper("ext", SECRET));

      send("POST", client + "/protocol-mappers/add-models", mappers).requireStatus(204);

      assertNoEventShowsTheSecret();
      tokenThroughCallsTheApiWithTheSecret(TestRealm.APP_CLIENT_ID);
    }

    @Test
    void aMapperCreatedThenUpdatedOnAClientScope() {
      String scope = base + "/client-scopes/" + createScope("billing");
      send("POST", scope + "/protocol-mappers/models", mapper("ext", "first-one"))
          .requireStatus(201);
      ObjectNode stored = storedMapper(scope, "ext");
      ((ObjectNode) stored.path("config")).put("auth.secret", SECRET);

      send("PUT", scope + "/protocol-mappers/models/" + stored.path("id").asText(), stored)
          .requireStatus(204);
      send("POST", scope + "/protocol-mappers/models", mapper("ext2", SECRET)).requireStatus(201);

      assertNoEventShowsTheSecret();
    }

    @Test
    void mappersAddedTogetherToAClientScope() {
      String scopeId = createScope("billing");
      ArrayNode mappers = JSON.createArrayNode().add(mapper("ext", SECRET));

      send("POST", base + "/client-scopes/" + scopeId + "/protocol-mappers/add-models", mappers)
          .requireStatus(204);

      assertNoEventShowsTheSecret();
      api.realm
          .admin()
          .clients()
          .get(clientUuid(TestRealm.APP_CLIENT_ID))
          .addDefaultClientScope(scopeId);
      tokenThroughCallsTheApiWithTheSecret(TestRealm.APP_CLIENT_ID);
    }

    @Test
    void aVaultReferenceIsRecordedAsItIs() {
      String reference = "${vault." + DistributionServer.VAULT_KEY + "}";
      String client = base + "/clients/" + clientUuid(TestRealm.APP_CLIENT_ID);

      send("POST", client + "/protocol-mappers/models", mapper("ext", reference))
          .requireStatus(201);

      assertThat(adminEventsAsViewer(api.realm)).contains(reference).doesNotContain(SEALED);
    }
  }

  @Nested
  class ClientsAndClientScopesWithTheirMappers {

    @Test
    void aClientCreatedWithTheMapper() {
      send("POST", base + "/clients", client("made-app", mapper("ext", SECRET))).requireStatus(201);

      assertNoEventShowsTheSecret();
      tokenThroughCallsTheApiWithTheSecret("made-app");
    }

    @Test
    void aClientUpdatedWithTheMapper() {
      send("POST", base + "/clients", client("made-app")).requireStatus(201);
      String id = clientUuid("made-app");
      ObjectNode update = (ObjectNode) admin.get(base + "/clients/" + id).requireStatus(200).json();
      update.putArray("protocolMappers").add(mapper("ext", SECRET));

      send("PUT", base + "/clients/" + id, update).requireStatus(204);

      assertNoEventShowsTheSecret();
      tokenThroughCallsTheApiWithTheSecret("made-app");
    }

    @Test
    void aClientScopeCreatedWithTheMapper() {
      send("POST", base + "/client-scopes", scope("billing", mapper("ext", SECRET)))
          .requireStatus(201);

      assertNoEventShowsTheSecret();
      api.realm
          .admin()
          .clients()
          .get(clientUuid(TestRealm.APP_CLIENT_ID))
          .addDefaultClientScope(scopeUuid("billing"));
      tokenThroughCallsTheApiWithTheSecret(TestRealm.APP_CLIENT_ID);
    }

    @Test
    void aClientScopeUpdatedWithTheMapper() {
      String id = createScope("billing");
      ObjectNode update =
          (ObjectNode) admin.get(base + "/client-scopes/" + id).requireStatus(200).json();
      update.putArray("protocolMappers").add(mapper("ext", SECRET));

      send("PUT", base + "/client-scopes/" + id, update).requireStatus(204);

      assertNoEventShowsTheSecret();
    }
  }

  @Nested
  class ImportsAndRealms {

    @Test
    void aPartialImport() {
      ObjectNode body = JSON.createObjectNode().put("ifResourceExists", "FAIL");
      body.putArray("clients").add(client("made-app", mapper("ext", SECRET)));

      send("POST", base + "/partialImport", body).requireStatus(200);

      assertNoEventShowsTheSecret();
      tokenThroughCallsTheApiWithTheSecret("made-app");
    }

    @Test
    void aRealmUpdateCarryingClients() {
      ObjectNode update = JSON.createObjectNode().put("displayName", "Billing");
      update.putArray("clients").add(client("made-app", mapper("ext", SECRET)));

      send("PUT", base, update).requireStatus(204);

      assertNoEventShowsTheSecret();
    }

    /**
     * Keycloak records a realm's creation in the realm of the admin who created it (master here),
     * with the new realm's settings only, not its clients: the secret of a mapper in the imported
     * JSON is not there. (The new realm has no key yet to seal it with before it exists; it is
     * sealed when stored, see ExternalClaimsSecretsIT.)
     */
    @Test
    void aRealmCreatedFromJsonIsRecordedInMasterWithoutItsClients(Realms realms, Keycloak kc) {
      var master = kc.realm("master");
      RealmEventsConfigRepresentation before = master.getRealmEventsConfig();
      RealmEventsConfigRepresentation withDetails = master.getRealmEventsConfig();
      withDetails.setAdminEventsEnabled(true);
      withDetails.setAdminEventsDetailsEnabled(true);
      master.updateRealmEventsConfig(withDetails);
      try {
        TestRealm created =
            realms.create(
                realm -> {
                  List<ClientRepresentation> clients = new ArrayList<>();
                  if (realm.getClients() != null) {
                    clients.addAll(realm.getClients());
                  }
                  ClientRepresentation client = new ClientRepresentation();
                  client.setClientId("made-app");
                  ProtocolMapperRepresentation mapper = new ProtocolMapperRepresentation();
                  mapper.setName("ext");
                  mapper.setProtocol("openid-connect");
                  mapper.setProtocolMapper(MAPPER);
                  mapper.setConfig(config(SECRET));
                  client.setProtocolMappers(List.of(mapper));
                  clients.add(client);
                  realm.setClients(clients);
                });

        Answer events =
            admin.get(
                "/admin/realms/master/admin-events?operationTypes=CREATE&resourceTypes=REALM"
                    + "&resourcePath="
                    + created.name()
                    + "&max=10");

        assertThat(events.requireStatus(200).json()).hasSize(1);
        assertThat(events.json().get(0).path("representation").asText()).contains(created.name());
        assertThat(events.body()).doesNotContain(SECRET);
      } finally {
        master.updateRealmEventsConfig(before);
      }
    }
  }
}

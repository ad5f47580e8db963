package io.kcuserdata.it.userdata;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kcuserdata.it.harness.Browser;
import io.kcuserdata.it.harness.HttpApi;
import io.kcuserdata.it.harness.HttpApi.Answer;
import io.kcuserdata.it.harness.KeycloakIT;
import io.kcuserdata.it.harness.LoginOutcome;
import io.kcuserdata.it.harness.Realms;
import io.kcuserdata.it.harness.TestRealm;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.representations.userprofile.config.UPConfig.UnmanagedAttributePolicy;

/**
 * JSON Schemas per namespace on the real server: the endpoints, the realm's JSON, the dry run, and
 * every write path refusing a value its namespace's schema does not allow, changing nothing.
 */
@KeycloakIT
class NamespaceSchemaIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String MERGE_PATCH = "application/merge-patch+json";

  /** user_metadata.lang is one of two languages; custom_data.plan one of two plans. */
  private static final String LANGUAGES =
      "{\"type\":\"object\",\"properties\":{\"lang\":{\"enum\":[\"de\",\"en\"]}}}";

  private static final String PLANS =
      "{\"type\":\"object\",\"properties\":{\"plan\":{\"enum\":[\"free\",\"pro\"]}},"
          + "\"required\":[\"plan\"]}";

  private SeededRealm seeded;
  private HttpApi admin;

  @BeforeEach
  void aSeededRealmWithSchemas(Realms realms, HttpApi admin) {
    this.admin = admin;
    seeded = SeededRealm.create(realms, UnmanagedAttributePolicy.ENABLED);
    put("user_metadata", LANGUAGES).requireStatus(200);
    put("custom_data", PLANS).requireStatus(200);
  }

  private String schemas() {
    return "/admin/realms/" + seeded.realm.name() + "/user-data/schemas/";
  }

  private Answer put(String namespace, String schema) {
    return admin.send("PUT", schemas() + namespace, "application/json", schema);
  }

  private String userPath() {
    return "/admin/realms/" + seeded.realm.name() + "/user-data/users/" + seeded.aliceId;
  }

  private static void refusedAt(Answer answer, String namespace, String pointer) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(400);
    JsonNode body = answer.json();
    assertThat(body.path("error").asText()).isEqualTo("schema_violation");
    assertThat(body.path("error_description").asText()).isNotBlank();
    assertThat(body.path("violations")).isNotEmpty();
    JsonNode first = body.path("violations").get(0);
    assertThat(first.path("namespace").asText()).isEqualTo(namespace);
    assertThat(first.path("pointer").asText()).isEqualTo(pointer);
    assertThat(first.path("message").asText()).isNotBlank();
  }

  @Nested
  class TheEndpoints {

    @Test
    void aSchemaIsStoredAndReadBackAndDeleted() {
      Answer read = admin.get(schemas() + "custom_data");
      assertThat(read.status()).isEqualTo(200);
      assertThat(read.json().path("required").get(0).asText()).isEqualTo("plan");

      assertThat(admin.send("DELETE", schemas() + "custom_data", null, null).status())
          .isEqualTo(204);
      assertThat(admin.get(schemas() + "custom_data").status()).isEqualTo(404);
      assertThat(admin.send("DELETE", schemas() + "custom_data", null, null).status())
          .isEqualTo(404);
    }

    @Test
    void organizationsTakeOneSchemaEachAndOneForAll() {
      put("org.*", "{\"properties\":{\"department\":{\"type\":\"string\"}}}").requireStatus(200);
      put("org.acme", "{\"properties\":{\"department\":{\"maxLength\":3}}}").requireStatus(200);

      Answer refused =
          admin.send(
              "PATCH", userPath(), MERGE_PATCH, "{\"org\":{\"acme\":{\"department\":\"Sales\"}}}");

      refusedAt(refused, "org.acme", "/department");
      refusedAt(
          admin.send("PATCH", userPath(), MERGE_PATCH, "{\"org\":{\"acme\":{\"department\":12}}}"),
          "org.acme",
          "/department");
      assertThat(seeded.namespaced().get("org.acme.department")).containsExactly("R&D");
    }

    @Test
    void anInvalidSchemaIsRefusedAndTheStoredOneKept() {
      Answer refused = put("custom_data", "{\"type\":\"strnig\"}");

      assertThat(refused.status()).isEqualTo(400);
      assertThat(refused.json().path("error").asText()).isEqualTo("invalid_schema");
      assertThat(admin.get(schemas() + "custom_data").json().toString()).contains("plan");
    }

    @Test
    void aRemoteReferenceIsRefusedWithoutBeingFetched() {
      Answer refused =
          put("custom_data", "{\"properties\":{\"a\":{\"$ref\":\"http://127.0.0.1:1/x.json\"}}}");

      assertThat(refused.status()).isEqualTo(400);
      assertThat(refused.json().path("error_description").asText())
          .contains("only references within the schema");
    }

    @Test
    void statusProviderDataAndUnknownNamesTakeNoSchema() {
      for (String name : List.of("status", "idp.google", "org", "nonsense")) {
        Answer refused = put(name, "{}");
        assertThat(refused.status()).as(name).isEqualTo(400);
        assertThat(refused.json().path("error").asText()).isEqualTo("invalid_request");
      }
    }
  }

  @Nested
  class TheRealmsJson {

    @Test
    void schemasTravelInTheRealmsExportIntoAnImportedRealm(Realms realms) {
      Answer export =
          admin.send(
              "POST", "/admin/realms/" + seeded.realm.name() + "/partial-export", null, null);
      assertThat(export.status()).as(export.body()).isEqualTo(200);

      // The export's realm attributes, imported with a new realm: the export's ids of clients and
      // roles are taken on this server, so the whole file cannot be imported here a second time.
      JsonNode attributes = parse(export.body()).path("attributes");
      assertThat(attributes.path("userdata.schema.custom_data").asText()).contains("\"plan\"");
      TestRealm copy =
          realms.create(
              r ->
                  r.setAttributes(
                      JSON.convertValue(attributes, new TypeReference<Map<String, String>>() {})));

      Answer schema = admin.get("/admin/realms/" + copy.name() + "/user-data/schemas/custom_data");
      assertThat(schema.status()).as(schema.body()).isEqualTo(200);
      assertThat(schema.json().path("properties").path("plan").path("enum").toString())
          .isEqualTo("[\"free\",\"pro\"]");
      String bob = copy.createUser("bob", "pw-bob-1");
      refusedAt(
          admin.send(
              "PATCH",
              "/admin/realms/" + copy.name() + "/user-data/users/" + bob,
              MERGE_PATCH,
              "{\"custom_data\":{\"plan\":\"gold\"}}"),
          "custom_data",
          "/plan");
    }
  }

  @Nested
  class TheDryRun {

    @Test
    void listsTheUsersWhoseStoredDataWouldFailTheCandidate() {
      String bob = seeded.realm.createUser("bob", "pw-bob-1");
      admin
          .send(
              "PATCH",
              "/admin/realms/" + seeded.realm.name() + "/user-data/users/" + bob,
              MERGE_PATCH,
              "{\"custom_data\":{\"plan\":\"free\"}}")
          .requireStatus(200);

      Answer run =
          admin.send(
              "POST",
              schemas() + "custom_data/check",
              "application/json",
              "{\"properties\":{\"plan\":{\"const\":\"free\"}}}");

      assertThat(run.status()).as(run.body()).isEqualTo(200);
      assertThat(run.header("Content-Type")).startsWith("application/x-ndjson");
      List<JsonNode> lines = run.body().lines().map(NamespaceSchemaIT::parse).toList();
      assertThat(lines).hasSize(2);
      assertThat(lines.get(0).path("username").asText()).isEqualTo("alice");
      assertThat(lines.get(0).path("violations").get(0).path("pointer").asText())
          .isEqualTo("/plan");
      assertThat(lines.get(1).toString()).isEqualTo("{\"checked\":2,\"failing\":1}");
      assertThat(admin.get(schemas() + "custom_data").json().toString()).isEqualTo(compact(PLANS));
    }

    @Test
    void anInvalidCandidateIsRefused() {
      Answer run = admin.send("POST", schemas() + "custom_data/check", "application/json", "[]");

      assertThat(run.status()).isEqualTo(400);
      assertThat(run.json().path("error").asText()).isEqualTo("invalid_schema");
    }
  }

  @Nested
  class EveryWritePathRefusesAndChangesNothing {

    private final Map<String, List<String>> before = new TreeMap<>(SeededRealm.SEEDED);

    @Test
    void theAdminApisMergePatch() {
      refusedAt(
          admin.send(
              "PATCH",
              userPath(),
              MERGE_PATCH,
              "{\"custom_data\":{\"plan\":\"gold\"},\"user_metadata\":{\"theme\":\"light\"}}"),
          "custom_data",
          "/plan");

      assertThat(seeded.namespaced()).isEqualTo(before);
    }

    @Test
    void theAdminApisReplaceOfANamespace() {
      refusedAt(
          admin.send("PUT", userPath() + "/custom_data", "application/json", "{\"seats\":3}"),
          "custom_data",
          "/plan");

      assertThat(seeded.namespaced()).isEqualTo(before);
    }

    @Test
    void theSelfServiceApi() {
      HttpApi alice = aliceApi();

      refusedAt(
          alice.send(
              "PATCH",
              "/realms/" + seeded.realm.name() + "/user-data/me",
              MERGE_PATCH,
              "{\"user_metadata\":{\"lang\":\"xx\",\"theme\":\"light\"}}"),
          "user_metadata",
          "/lang");

      assertThat(seeded.namespaced()).isEqualTo(before);
    }

    @Test
    void theAccountApiShowsTheRefusalAtTheFieldAndKeepsTheNameToo() {
      HttpApi alice = aliceApi();
      String account = "/realms/" + seeded.realm.name() + "/account";
      ObjectNode rep = (ObjectNode) parse(alice.get(account, "Accept", "application/json").body());
      rep.put("firstName", "Changed");
      ((ObjectNode) rep.path("attributes")).putArray("user_metadata.lang").add("xx");

      Answer answer = alice.send("POST", account, "application/json", rep.toString());

      assertThat(answer.status()).as(answer.body()).isEqualTo(400);
      assertThat(answer.body()).contains("user_metadata.lang");
      assertThat(seeded.namespaced()).isEqualTo(before);
      assertThat(seeded.realm.admin().users().get(seeded.aliceId).toRepresentation().getFirstName())
          .isEqualTo("Alice");
    }

    @Test
    void theAccountApiStoresAnAllowedValueThroughThePack() {
      HttpApi alice = aliceApi();
      String account = "/realms/" + seeded.realm.name() + "/account";
      ObjectNode rep = (ObjectNode) parse(alice.get(account, "Accept", "application/json").body());
      ((ObjectNode) rep.path("attributes")).putArray("user_metadata.lang").add("en");

      Answer answer = alice.send("POST", account, "application/json", rep.toString());

      assertThat(answer.status()).as(answer.body()).isEqualTo(204);
      before.put("user_metadata.lang", List.of("en"));
      assertThat(seeded.namespaced()).isEqualTo(before);
    }

    @Test
    void theUpdateProfileFormShowsTheRefusalAtTheField(Browser browser) {
      UserRepresentation alice =
          seeded.realm.admin().users().get(seeded.aliceId).toRepresentation();
      alice.setRequiredActions(List.of("UPDATE_PROFILE"));
      seeded.realm.admin().users().get(seeded.aliceId).update(alice);
      LoginOutcome form = browser.login(seeded.realm, "alice", SeededRealm.PASSWORD);

      LoginOutcome again =
          browser.submit(
              seeded.realm,
              form.page(),
              "kc-update-profile-form",
              Map.of("user_metadata.lang", "xx", "firstName", "Changed"));

      assertThat(again.signedIn()).isFalse();
      assertThat(again.pageText()).contains("enumeration");
      assertThat(seeded.namespaced()).isEqualTo(before);
      assertThat(seeded.realm.admin().users().get(seeded.aliceId).toRepresentation().getFirstName())
          .isEqualTo("Alice");
    }

    @Test
    void theRegistrationFormShowsTheRefusalAndCreatesNoUser(Browser browser) {
      Map<String, String> fields =
          new TreeMap<>(
              Map.of(
                  "username", "mallory",
                  "email", "mallory@example.test",
                  "firstName", "Mallory",
                  "lastName", "Tester",
                  "password", "pw-mallory-1",
                  "password-confirm", "pw-mallory-1",
                  "user_metadata.lang", "xx"));

      LoginOutcome outcome =
          browser.submit(
              seeded.realm, browser.openRegistrationPage(seeded.realm), "kc-register-form", fields);

      assertThat(outcome.signedIn()).isFalse();
      assertThat(outcome.pageText()).contains("enumeration");
      assertThat(seeded.realm.admin().users().searchByUsername("mallory", true)).isEmpty();
    }

    @Test
    void theImportReportsTheLineAndCreatesNoUser() {
      Answer imported =
          admin.send(
              "POST",
              "/admin/realms/" + seeded.realm.name() + "/user-data/import",
              "application/x-ndjson",
              "{\"username\":\"imported\",\"custom_data\":{\"plan\":\"gold\"}}\n"
                  + "{\"username\":\"alice\",\"custom_data\":{\"plan\":\"gold\"}}\n");

      List<JsonNode> lines = imported.body().lines().map(NamespaceSchemaIT::parse).toList();
      assertThat(lines)
          .filteredOn(l -> l.has("line"))
          .allSatisfy(
              l -> {
                assertThat(l.path("result").asText()).isEqualTo("error");
                assertThat(l.path("error_description").asText()).contains("/plan");
              });
      assertThat(lines).filteredOn(l -> l.has("line")).hasSize(2);
      assertThat(seeded.realm.admin().users().searchByUsername("imported", true)).isEmpty();
      assertThat(seeded.namespaced()).isEqualTo(before);
    }
  }

  private HttpApi aliceApi() {
    var tokens = seeded.realm.tokens().password("alice", SeededRealm.PASSWORD);
    assertThat(tokens.ok()).as(tokens.body().toString()).isTrue();
    return seeded.realm.http(tokens.accessToken());
  }

  private static JsonNode parse(String text) {
    try {
      return JSON.readTree(text);
    } catch (Exception e) {
      throw new AssertionError(text, e);
    }
  }

  private static String compact(String json) {
    return parse(json).toString();
  }
}

package io.kcuserdata.it.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kcuserdata.it.harness.HttpApi;
import io.kcuserdata.it.harness.HttpApi.Answer;
import io.kcuserdata.it.harness.KeycloakIT;
import io.kcuserdata.it.harness.Realms;
import io.kcuserdata.it.harness.TestRealm;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/** {@code GET /admin/realms/{realm}/user-data/export}: the whole realm, streamed. */
@KeycloakIT
class UserExportIT {

  private static final int USERS = 12;

  private TestRealm realm;
  private HttpApi admin;
  private List<String> ids;

  @BeforeEach
  void aRealmWhoseUsersCarryEveryKindOfData(Realms realms, HttpApi admin) {
    this.admin = admin;
    realm = Population.realmWithStructure(realms);
    ids = Population.users(realm, admin, "person", USERS);
  }

  private Answer export(String query) {
    return admin.get("/admin/realms/" + realm.name() + "/user-data/export" + query);
  }

  @Nested
  class Ndjson {

    @Test
    void everyRecordEqualsWhatTheAdminApisReturn() {
      Answer answer = export("?format=ndjson");

      assertThat(answer.status()).as(answer.body()).isEqualTo(200);
      assertThat(answer.header("Content-Type")).startsWith("application/x-ndjson");
      List<JsonNode> records = Population.ndjson(answer.body());
      assertThat(records)
          .extracting(r -> r.path("id").asText())
          .containsExactlyInAnyOrderElementsOf(ids);
      for (JsonNode record : records) {
        String id = record.path("id").asText();
        UserRepresentation user = realm.admin().users().get(id).toRepresentation();
        assertThat(record.path("username").asText()).isEqualTo(user.getUsername());
        assertThat(record.path("email").asText()).isEqualTo(user.getEmail());
        assertThat(record.path("email_verified").asBoolean()).isEqualTo(user.isEmailVerified());
        assertThat(record.path("enabled").asBoolean()).isEqualTo(user.isEnabled());
        JsonNode data =
            admin.get("/admin/realms/" + realm.name() + "/user-data/users/" + id).json();
        for (String namespace :
            List.of(
                "profile",
                "user_metadata",
                "custom_data",
                "app_metadata",
                "idp",
                "org",
                "status")) {
          assertThat(record.get(namespace)).as(namespace).isEqualTo(data.get(namespace));
        }
        assertThat(names(record.path("realm_roles")))
            .containsExactlyInAnyOrderElementsOf(
                realm.admin().users().get(id).roles().realmLevel().listAll().stream()
                    .map(RoleRepresentation::getName)
                    .toList());
        assertThat(record.path("client_roles").path("billing").toString()).isEqualTo("[\"payer\"]");
        assertThat(record.path("groups").toString()).isEqualTo("[\"/staff/ops\"]");
        assertThat(record.path("organizations").toString()).isEqualTo("[\"acme\"]");
        JsonNode link = record.path("federated_identities").get(0);
        assertThat(link.path("provider").asText()).isEqualTo("upstream");
        assertThat(link.path("user_id").asText())
            .isEqualTo(realm.admin().users().get(id).getFederatedIdentity().get(0).getUserId());
        assertThat(record.path("credentials").findValuesAsText("type"))
            .containsExactlyInAnyOrder("password", "otp");
        assertThat(record.path("required_actions").toString()).isEqualTo("[\"CONFIGURE_TOTP\"]");
      }
    }

    @Test
    void noHashSaltOrSecretAppearsInAnyFormat() {
      for (String format : List.of("ndjson", "csv")) {
        String body = export("?format=" + format).body();

        assertThat(body)
            .as(format)
            .doesNotContain(
                Population.OTP_SECRET,
                "\"salt\"",
                "\"hashIterations\"",
                "\"secretData\"",
                "$argon2",
                "\"algorithm\"");
      }
    }

    @Test
    void aCursorResumesWithEveryUserExactlyOnceWhileUsersAreAdded() {
      List<String> seen = new ArrayList<>();
      String after = "";
      int pages = 0;
      while (true) {
        List<JsonNode> page = Population.ndjson(export("?max=5&after=" + after).body());
        if (pages == 1) {
          // Created behind or ahead of the cursor: seen at most once either way.
          realm.createUser("late-comer", "pw-late-1");
        }
        pages++;
        if (page.isEmpty()) {
          break;
        }
        page.forEach(r -> seen.add(r.path("id").asText()));
        after = page.get(page.size() - 1).path("id").asText();
      }

      assertThat(seen).doesNotHaveDuplicates().containsAll(ids);
      assertThat(seen.size() - ids.size()).isBetween(0, 1);
      assertThat(pages).isGreaterThan(3);
    }

    @Test
    void qKeepsOnlyTheUsersWhoseAttributesMatch() {
      List<JsonNode> records = Population.ndjson(export("?q=custom_data.plan:PRO").body());

      assertThat(records).hasSize((USERS + 2) / 3);
      assertThat(records)
          .allSatisfy(
              r -> assertThat(r.path("custom_data").path("plan").asText()).isEqualTo("pro"));
    }

    @Test
    void fieldsSelectsPathsAndAlwaysKeepsTheId() {
      JsonNode record =
          Population.ndjson(export("?fields=username,custom_data.plan").body()).get(0);

      assertThat(names(record.fieldNames())).containsExactly("id", "username", "custom_data");
      assertThat(names(record.path("custom_data").fieldNames())).containsExactly("plan");
    }
  }

  @Nested
  class Csv {

    @Test
    void parsesBackWithACsvLibraryToTheNdjsonRecords() throws IOException {
      Answer answer = export("?format=csv");
      assertThat(answer.status()).as(answer.body()).isEqualTo(200);
      assertThat(answer.header("Content-Type")).startsWith("text/csv");
      Map<String, JsonNode> byId = new TreeMap<>();
      Population.ndjson(export("").body()).forEach(r -> byId.put(r.path("id").asText(), r));

      List<CSVRecord> rows;
      try (CSVParser parser =
          CSVFormat.RFC4180
              .builder()
              .setHeader()
              .setSkipHeaderRecord(true)
              .get()
              .parse(new StringReader(answer.body()))) {
        assertThat(parser.getHeaderNames())
            .contains(
                "id",
                "profile.nickname",
                "custom_data.seats",
                "org.acme.department",
                "realm_roles");
        rows = parser.getRecords();
      }

      assertThat(rows).hasSize(USERS);
      for (CSVRecord row : rows) {
        JsonNode record = byId.get(row.get("id"));
        assertThat(row.get("username")).isEqualTo(record.path("username").asText());
        assertThat(row.get("email_verified")).isEqualTo(record.path("email_verified").toString());
        assertThat(row.get("profile.nickname"))
            .isEqualTo(record.path("profile").path("nickname").asText());
        assertThat(row.get("custom_data.seats"))
            .isEqualTo(record.path("custom_data").path("seats").toString());
        assertThat(Population.JSON.readTree(row.get("custom_data.address")))
            .isEqualTo(record.path("custom_data").path("address"));
        assertThat(row.get("org.acme.department"))
            .isEqualTo(record.path("org").path("acme").path("department").asText());
        assertThat(Population.JSON.readTree(row.get("client_roles")))
            .isEqualTo(record.path("client_roles"));
      }
    }

    @Test
    void fieldsNarrowTheColumns() throws IOException {
      String body = export("?format=csv&fields=username,custom_data").body();

      try (CSVParser parser =
          CSVFormat.RFC4180
              .builder()
              .setHeader()
              .setSkipHeaderRecord(true)
              .get()
              .parse(new StringReader(body))) {
        assertThat(parser.getHeaderNames())
            .containsExactly(
                "id", "username", "custom_data.address", "custom_data.plan", "custom_data.seats");
      }
    }
  }

  private static List<String> names(JsonNode array) {
    List<String> names = new ArrayList<>();
    array.forEach(n -> names.add(n.asText()));
    return names;
  }

  private static List<String> names(Iterator<String> fields) {
    List<String> names = new ArrayList<>();
    fields.forEachRemaining(names::add);
    return names;
  }
}

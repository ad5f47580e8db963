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
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * A user plants a spreadsheet formula in their own data through the self-service API; the admin who
 * opens the realm's CSV export in a spreadsheet must not run it.
 */
@KeycloakIT
class CsvFormulaInjectionIT {

  private static final String FORMULA = "=HYPERLINK(\"http://evil.example\",\"x\")";

  private TestRealm realm;
  private HttpApi admin;
  private String malloryId;

  @BeforeEach
  void aUserWritesAFormulaIntoTheirOwnData(Realms realms, HttpApi admin) {
    this.admin = admin;
    realm = realms.create();
    malloryId = realm.createUser("mallory", "pw-mallory-1");
    String token = realm.tokens().password("mallory", "pw-mallory-1").accessToken();
    realm
        .http(token)
        .send(
            "PATCH",
            "/realms/" + realm.name() + "/user-data/me",
            "application/merge-patch+json",
            "{\"user_metadata\":{\"note\":"
                + Population.JSON.valueToTree(FORMULA)
                + ",\"balance\":\"-12.5\",\"phone\":\"+49 30 1234\"}}")
        .requireStatus(200);
  }

  private Answer export(String query) {
    return admin.get("/admin/realms/" + realm.name() + "/user-data/export" + query);
  }

  private Map<String, String> malloryRow(String query) throws IOException {
    Answer answer = export(query);
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    try (CSVParser parser =
        CSVParser.parse(
            new StringReader(answer.body()),
            CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build())) {
      for (CSVRecord record : parser) {
        if (record.get("id").equals(malloryId)) {
          return record.toMap();
        }
      }
    }
    throw new AssertionError("no row for mallory in " + answer.body());
  }

  @Nested
  class TheCsvExport {

    @Test
    void neutralisesTheFormulaByDefault() throws IOException {
      Map<String, String> row = malloryRow("?format=csv");

      assertThat(row.get("user_metadata.note")).isEqualTo("'" + FORMULA);
      assertThat(row.get("user_metadata.phone")).isEqualTo("'+49 30 1234");
      assertThat(row.get("user_metadata.balance")).as("a plain number").isEqualTo("-12.5");
      assertThat(row.values()).noneMatch(cell -> cell.startsWith("="));
    }

    @Test
    void writesItAsTheUserDidWhenTheAdminAsksToKeepFormulas() throws IOException {
      Map<String, String> row = malloryRow("?format=csv&formulas=keep");

      assertThat(row.get("user_metadata.note")).isEqualTo(FORMULA);
      assertThat(row.get("user_metadata.phone")).isEqualTo("+49 30 1234");
    }

    @Test
    void refusesAnUnknownFormulasChoiceAndFormulasForNdjson() {
      Answer unknown = export("?format=csv&formulas=evaluate");
      Answer ndjson = export("?format=ndjson&formulas=keep");

      assertThat(unknown.status()).as(unknown.body()).isEqualTo(400);
      assertThat(unknown.json().path("error_description").asText()).contains("formulas");
      assertThat(ndjson.status()).as(ndjson.body()).isEqualTo(400);
      assertThat(ndjson.json().path("error_description").asText()).contains("csv");
    }
  }

  @Nested
  class TheNdjsonExport {

    @Test
    void keepsTheValueExactly() {
      Answer answer = export("?format=ndjson");

      assertThat(answer.status()).as(answer.body()).isEqualTo(200);
      List<JsonNode> records = Population.ndjson(answer.body());
      JsonNode mallory =
          records.stream()
              .filter(r -> r.path("id").asText().equals(malloryId))
              .findFirst()
              .orElseThrow();
      assertThat(mallory.path("user_metadata").path("note").asText()).isEqualTo(FORMULA);
    }
  }
}

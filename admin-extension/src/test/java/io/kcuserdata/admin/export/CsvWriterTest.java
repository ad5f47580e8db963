package io.kcuserdata.admin.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kcuserdata.core.json.Json;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CsvWriterTest {

  private static final String IDENTITY_HEADER =
      "id,username,first_name,last_name,email,email_verified,enabled,created_at";
  private static final String RELATIONS_HEADER =
      "federated_identities,realm_roles,client_roles,groups,organizations,credentials,"
          + "required_actions";

  private final StringWriter out = new StringWriter();

  private static ObjectNode json(String text) {
    return (ObjectNode) Json.parseOrNull(text);
  }

  private String write(List<String> dataColumns, String fields, String... records)
      throws IOException {
    return write(CsvFormulas.NEUTRALISE, dataColumns, fields, records);
  }

  private String write(
      CsvFormulas formulas, List<String> dataColumns, String fields, String... records)
      throws IOException {
    CsvWriter csv = new CsvWriter(out, dataColumns, FieldSelection.parse(fields), formulas);
    for (String record : records) {
      csv.write(json(record));
    }
    csv.flush();
    return out.toString();
  }

  @Nested
  class TheHeader {

    @Test
    void isWrittenFirstWithIdentityThenDataColumnsThenRelations() throws IOException {
      String csv = write(List.of("custom_data.plan", "idp.github.login"), null);

      assertThat(csv)
          .isEqualTo(
              IDENTITY_HEADER + ",custom_data.plan,idp.github.login," + RELATIONS_HEADER + "\r\n");
    }

    @Test
    void aCellShowsNoMoreThanTheSelectionInsideItsColumn() throws IOException {
      String csv =
          write(
              List.of("custom_data.address"),
              "custom_data.address.city",
              "{\"id\":\"u1\",\"custom_data\":{\"address\":{\"city\":\"Paris\",\"street\":\"1"
                  + " secret st\"}}}");

      assertThat(csv).contains("u1,\"{\"\"city\"\":\"\"Paris\"\"}\"").doesNotContain("secret");
    }

    @Test
    void holdsOnlyTheSelectedColumnsAndTheId() throws IOException {
      CsvWriter csv =
          new CsvWriter(
              out,
              List.of("custom_data.plan", "idp.github.login", "profile.locale"),
              FieldSelection.parse("email,idp,groups"),
              CsvFormulas.NEUTRALISE);

      assertThat(csv.columns()).containsExactly("id", "email", "idp.github.login", "groups");
      assertThat(out).hasToString("id,email,idp.github.login,groups\r\n");
    }
  }

  @Nested
  class ARow {

    @Test
    void writesTextsAsTheyAreAndOtherValuesAsCompactJson() throws IOException {
      String csv =
          write(
              List.of("custom_data.plan", "custom_data.seats", "idp.github.login"),
              "id,enabled,custom_data,idp,realm_roles,client_roles",
              """
              {"id":"u1","enabled":true,"custom_data":{"plan":"pro","seats":3},
               "idp":{"github":{"login":"ada"}},"realm_roles":["a","b"],
               "client_roles":{"crm":["x"]}}
              """);

      assertThat(csv)
          .isEqualTo(
              "id,enabled,custom_data.plan,custom_data.seats,idp.github.login,realm_roles,"
                  + "client_roles\r\n"
                  + "u1,true,pro,3,ada,\"[\"\"a\"\",\"\"b\"\"]\",\"{\"\"crm\"\":[\"\"x\"\"]}\"\r\n");
    }

    @Test
    void leavesMissingAndNullValuesEmpty() throws IOException {
      String csv =
          write(
              List.of("custom_data.plan"),
              "id,email,first_name,custom_data",
              "{\"id\":\"u1\",\"email\":null,\"custom_data\":{}}");

      assertThat(csv).endsWith("\r\nu1,,,\r\n");
    }

    @Test
    void csvQuotesCellsWithCommasQuotesAndLineBreaks() throws IOException {
      String csv =
          write(
              List.of(),
              "id,username,first_name,last_name,email",
              """
              {"id":"u1","username":"a,b","first_name":"say \\"hi\\"",
               "last_name":"two\\nlines","email":"cr\\rhere"}
              """);

      assertThat(csv).endsWith("\r\nu1,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\rhere\"\r\n");
      assertThat(Rfc4180.parse(csv).get(1))
          .containsExactly("u1", "a,b", "say \"hi\"", "two\nlines", "cr\rhere");
    }

    @Test
    void neutralisesFormulasButKeepsSpacesAndNumbers() throws IOException {
      String csv =
          write(
              List.of(),
              "username,first_name,last_name,email",
              "{\"id\":\"u1\",\"username\":\"=SUM(A1)\",\"first_name\":\" Ada \","
                  + "\"last_name\":\"+1\",\"email\":\"@cmd\"}");

      assertThat(csv).endsWith("\r\nu1,'=SUM(A1), Ada ,+1,'@cmd\r\n");
    }

    @Test
    void writesFormulaLookingValuesExactlyWhenAskedToKeepThem() throws IOException {
      String csv =
          write(
              CsvFormulas.KEEP,
              List.of(),
              "username,first_name,last_name",
              "{\"id\":\"u1\",\"username\":\"=SUM(A1)\",\"first_name\":\" Ada \","
                  + "\"last_name\":\"+1\"}");

      assertThat(csv).endsWith("\r\nu1,=SUM(A1), Ada ,+1\r\n");
    }

    @Test
    void quotesANeutralisedCellThatNeedsQuoting() throws IOException {
      String csv =
          write(
              List.of(),
              "username",
              "{\"id\":\"u1\",\"username\":\"=HYPERLINK(\\\"http://evil.example\\\",\\\"x\\\")\"}");

      assertThat(Rfc4180.parse(csv).get(1))
          .containsExactly("u1", "'=HYPERLINK(\"http://evil.example\",\"x\")");
    }

    @Test
    void writesUnicodeAsItIs() throws IOException {
      String csv = write(List.of(), "username", "{\"id\":\"u1\",\"username\":\"Zoë 東京 🙂\"}");

      assertThat(csv).endsWith("\r\nu1,Zoë 東京 🙂\r\n");
    }

    @Test
    void eachRecordIsOneParsableRowWithTheHeadersCellCount() throws IOException {
      String csv =
          write(
              List.of("custom_data.note"),
              null,
              "{\"id\":\"u1\",\"custom_data\":{\"note\":\"a,\\\"b\\\"\\r\\nc\"}}",
              "{\"id\":\"u2\",\"username\":\"bob\",\"groups\":[\"/a,b\"]}");

      List<List<String>> rows = Rfc4180.parse(csv);

      assertThat(rows).hasSize(3).allSatisfy(row -> assertThat(row).hasSize(16));
      assertThat(rows.get(1).get(8)).isEqualTo("a,\"b\"\r\nc");
      assertThat(rows.get(2)).startsWith("u2", "bob");
      assertThat(rows.get(2).get(12)).isEqualTo("[\"/a,b\"]");
    }
  }

  @Nested
  class Escaping {

    @Test
    void leavesAPlainCellAsItIs() {
      assertThat(CsvWriter.escape("plain text;semi|pipe")).isEqualTo("plain text;semi|pipe");
      assertThat(CsvWriter.escape("")).isEmpty();
    }

    @Test
    void doublesQuotesInsideAQuotedCell() {
      assertThat(CsvWriter.escape("\"")).isEqualTo("\"\"\"\"");
    }
  }
}

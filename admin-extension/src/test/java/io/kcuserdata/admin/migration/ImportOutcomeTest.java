package io.kcuserdata.admin.migration;

import static org.assertj.core.api.Assertions.assertThat;

import io.kcuserdata.core.json.Json;
import org.junit.jupiter.api.Test;

class ImportOutcomeTest {

  @Test
  void anErrorCarriesItsLineIdAndDescription() {
    ImportOutcome outcome = ImportOutcome.error(7, "u1", "id must be 1 to 36 letters");

    assertThat(outcome)
        .isEqualTo(new ImportOutcome(7, "error", "u1", "id must be 1 to 36 letters"));
  }

  @Test
  void theJsonHoldsLineResultIdAndDescription() {
    assertThat(Json.compact(ImportOutcome.error(3, "u1", "bad").json()))
        .isEqualTo("{\"line\":3,\"result\":\"error\",\"id\":\"u1\",\"error_description\":\"bad\"}");
  }

  @Test
  void theJsonLeavesOutAnUnknownIdAndAnAbsentDescription() {
    assertThat(Json.compact(new ImportOutcome(1, "created", null, null).json()))
        .isEqualTo("{\"line\":1,\"result\":\"created\"}");
    assertThat(Json.compact(ImportOutcome.error(2, null, "a line is one JSON object").json()))
        .isEqualTo(
            "{\"line\":2,\"result\":\"error\",\"error_description\":\"a line is one JSON object\"}");
  }
}

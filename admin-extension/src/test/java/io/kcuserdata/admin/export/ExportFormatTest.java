package io.kcuserdata.admin.export;

import static io.kcuserdata.admin.testing.ApiErrors.assertInvalidRequest;
import static io.kcuserdata.admin.testing.ApiErrors.invalidRequest;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ExportFormatTest {

  @Nested
  class TheDefault {

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "\t"})
    void isNdjsonWhenTheFormatIsAbsentOrBlank(String value) {
      assertThat(ExportFormat.parse(value)).isEqualTo(ExportFormat.NDJSON);
    }
  }

  @Nested
  class AKnownFormat {

    @ParameterizedTest
    @ValueSource(strings = {"csv", "CSV", "Csv", " csv "})
    void isReadWhateverItsCaseAndSurroundingSpaces(String value) {
      assertThat(ExportFormat.parse(value)).isEqualTo(ExportFormat.CSV);
    }

    @Test
    void ndjsonIsReadByName() {
      assertThat(ExportFormat.parse("ndjson")).isEqualTo(ExportFormat.NDJSON);
    }

    @Test
    void ndjsonIsServedAsUtf8NdjsonWithItsExtension() {
      assertThat(ExportFormat.NDJSON.mediaType()).isEqualTo("application/x-ndjson; charset=utf-8");
      assertThat(ExportFormat.NDJSON.extension()).isEqualTo("ndjson");
    }

    @Test
    void csvIsServedAsUtf8TextCsvWithItsExtension() {
      assertThat(ExportFormat.CSV.mediaType()).isEqualTo("text/csv; charset=utf-8");
      assertThat(ExportFormat.CSV.extension()).isEqualTo("csv");
    }
  }

  @Nested
  class AnUnknownFormat {

    @ParameterizedTest
    @ValueSource(strings = {"json", "xml", "nd-json", "csv;", "c s v"})
    void isRefusedWithA400NamingTheAcceptedFormatsAndTheValue(String value) {
      assertInvalidRequest(() -> ExportFormat.parse(value), "ndjson or csv", "'" + value + "'");
    }

    @Test
    void isClippedToFortyCharactersInTheDescription() {
      String value = "x".repeat(41);

      String description = invalidRequest(() -> ExportFormat.parse(value));

      assertThat(description).contains("'" + "x".repeat(40) + "…'").doesNotContain(value);
    }
  }

  @Nested
  class Clipping {

    @Test
    void leavesAValueOfFortyCharactersWhole() {
      assertThat(ExportFormat.clip("y".repeat(40))).isEqualTo("y".repeat(40));
    }

    @Test
    void neverCutsACharacterInHalf() {
      assertThat(ExportFormat.clip("x".repeat(39) + "🙂tail")).isEqualTo("x".repeat(39) + "🙂…");
    }

    @Test
    void cutsALongerValueAtFortyAndMarksTheCut() {
      assertThat(ExportFormat.clip("y".repeat(100))).isEqualTo("y".repeat(40) + "…");
    }
  }
}

package io.kcuserdata.admin.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kcuserdata.admin.http.ApiError;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsvFormulasTest {

  @Nested
  class Neutralising {

    @ParameterizedTest
    @ValueSource(
        strings = {
          "=HYPERLINK(\"http://evil.example\",\"x\")",
          "=1+1",
          "+cmd|' /C calc'!A0",
          "-2+3",
          "-cmd",
          "@SUM(1,2)",
          "\t=1+1",
          "\tplain",
          "\rplain",
          " =1+1",
          "\n=1+1",
          "  @x",
          "+",
          "-",
          "=",
          "- item",
          "+49 30 1234"
        })
    void putsAQuoteBeforeACellASpreadsheetWouldRun(String cell) {
      assertThat(CsvFormulas.NEUTRALISE.apply(cell)).isEqualTo("'" + cell);
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "-5",
          "+5",
          "-1.5",
          "-1.5e3",
          "+49301234",
          "-.5",
          "-5.",
          "1E-7",
          "plain",
          "",
          " Ada ",
          "a=b",
          "x@example.com",
          "'already quoted",
          "{\"a\":\"=1\"}",
          "[\"=1\"]"
        })
    void leavesPlainNumbersAndOtherCellsAsTheyAre(String cell) {
      assertThat(CsvFormulas.NEUTRALISE.apply(cell)).isEqualTo(cell);
    }

    @Test
    void aNumberAfterLeadingSpaceIsQuotedAsSomeSpreadsheetsTrimAndEvaluate() {
      assertThat(CsvFormulas.NEUTRALISE.apply(" -5")).isEqualTo("' -5");
    }
  }

  @Nested
  class Keeping {

    @Test
    void leavesEveryCellAsItIs() {
      assertThat(CsvFormulas.KEEP.apply("=1+1")).isEqualTo("=1+1");
      assertThat(CsvFormulas.KEEP.apply("\t@x")).isEqualTo("\t@x");
    }
  }

  @Nested
  class TheParameter {

    @Test
    void neutralisesWhenAbsent() {
      assertThat(CsvFormulas.parse(null, ExportFormat.CSV)).isEqualTo(CsvFormulas.NEUTRALISE);
      assertThat(CsvFormulas.parse(" ", ExportFormat.CSV)).isEqualTo(CsvFormulas.NEUTRALISE);
      assertThat(CsvFormulas.parse(null, ExportFormat.NDJSON)).isEqualTo(CsvFormulas.NEUTRALISE);
    }

    @Test
    void takesKeepAndNeutraliseInAnyCase() {
      assertThat(CsvFormulas.parse("keep", ExportFormat.CSV)).isEqualTo(CsvFormulas.KEEP);
      assertThat(CsvFormulas.parse(" KEEP ", ExportFormat.CSV)).isEqualTo(CsvFormulas.KEEP);
      assertThat(CsvFormulas.parse("neutralise", ExportFormat.CSV))
          .isEqualTo(CsvFormulas.NEUTRALISE);
    }

    @Test
    void refusesAnythingElseNamingTheChoices() {
      assertThatThrownBy(() -> CsvFormulas.parse("evaluate", ExportFormat.CSV))
          .isInstanceOf(ApiError.class)
          .hasMessageContaining("formulas must be neutralise or keep")
          .hasMessageContaining("'evaluate'");
    }

    @Test
    void refusesItForNdjsonWhereNoCellIsEverRun() {
      assertThatThrownBy(() -> CsvFormulas.parse("keep", ExportFormat.NDJSON))
          .isInstanceOf(ApiError.class)
          .hasMessageContaining("format=csv only");
    }
  }
}

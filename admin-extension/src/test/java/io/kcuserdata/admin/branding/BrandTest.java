package io.kcuserdata.admin.branding;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class BrandTest {

  @Nested
  class ThePrimaryColour {

    @ParameterizedTest
    @ValueSource(strings = {"#0066cc", "#8A2BE2", " #abcdef "})
    void isSixHexDigitsAfterAHash(String colour) {
      assertThat(Brand.problem(Brand.PRIMARY_COLOR, colour)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"red", "#abc", "#abcdefg", "#12345z", "red;} body{display:none"})
    void refusesAnythingElseSayingTheFormat(String colour) {
      assertThat(Brand.problem(Brand.PRIMARY_COLOR, colour)).contains("#rrggbb");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  "})
    void blankMeansNotSet(String colour) {
      assertThat(Brand.problem(Brand.PRIMARY_COLOR, colour)).isNull();
    }
  }

  @Nested
  class TheLogoUrl {

    @ParameterizedTest
    @ValueSource(
        strings = {"https://cdn.example/logo.svg", "https://x.example:8443/a/b.png?v=2&t=%20#x"})
    void isAPlainHttpsUrl(String url) {
      assertThat(Brand.problem(Brand.LOGO_URL, url)).isNull();
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "http://cdn.example/logo.svg",
          "javascript:alert(1)",
          "https://x.example/a.svg\") ; } body{display:none",
          "https://x.example/a b.svg",
          "https://x.example/a'b.svg",
          "https://x.example/a\\\\b.svg"
        })
    void refusesWhatCouldLeaveACssUrl(String url) {
      assertThat(Brand.problem(Brand.LOGO_URL, url)).contains("https://");
    }

    @Test
    void refusesAVeryLongOne() {
      assertThat(Brand.problem(Brand.LOGO_URL, "https://x.example/" + "a".repeat(500)))
          .contains("500");
    }
  }

  @Nested
  class TwoValues {

    @Test
    void areTheSameWhenEqualOnceTrimmedBlankMeaningNotSet() {
      assertThat(Brand.same(" #0066cc", "#0066cc ")).isTrue();
      assertThat(Brand.same("", null)).isTrue();
      assertThat(Brand.same("#0066cc", "#0066CC")).isFalse();
      assertThat(Brand.same("purple", null)).isFalse();
    }
  }
}

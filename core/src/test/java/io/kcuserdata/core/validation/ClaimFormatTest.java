package io.kcuserdata.core.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.kcuserdata.core.json.Json;
import io.kcuserdata.core.validation.ClaimFormat.FormatProblem;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClaimFormatTest {

  private static Optional<String> keyOf(ClaimFormat format, String value) {
    return format.problem(value).map(FormatProblem::messageKey);
  }

  @Nested
  class WhichClaimHasWhichFormat {

    @Test
    void websitePictureAndProfileAreUrls() {
      assertThat(ClaimFormat.ofProfileKey("website")).contains(ClaimFormat.URL);
      assertThat(ClaimFormat.ofProfileKey("picture")).contains(ClaimFormat.URL);
      assertThat(ClaimFormat.ofProfileKey("profile")).contains(ClaimFormat.URL);
    }

    @Test
    void birthdateIsADateZoneinfoATimeZoneLocaleALocale() {
      assertThat(ClaimFormat.ofProfileKey("birthdate")).contains(ClaimFormat.DATE);
      assertThat(ClaimFormat.ofProfileKey("zoneinfo")).contains(ClaimFormat.TIME_ZONE);
      assertThat(ClaimFormat.ofProfileKey("locale")).contains(ClaimFormat.LOCALE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"middle_name", "nickname", "gender", "address", "plan"})
    void theOtherClaimsHaveNone(String key) {
      assertThat(ClaimFormat.ofProfileKey(key)).isEmpty();
    }

    @Test
    void aFormatIsFoundByTheIdAValidatorConfigurationUses() {
      assertThat(ClaimFormat.byId("time-zone")).contains(ClaimFormat.TIME_ZONE);
      assertThat(ClaimFormat.byId("TIME_ZONE")).isEmpty();
    }
  }

  @Nested
  class AUrl {

    @ParameterizedTest
    @ValueSource(
        strings = {
          "https://example.com",
          "http://example.com/ada?tab=1#top",
          "HTTPS://EXAMPLE.COM/",
          "https://user@example.com:8443/a",
          "https://bücher.example/ada",
          "https://[2001:db8::1]/me"
        })
    void isAnAbsoluteHttpOrHttpsUrlWithAHost(String value) {
      assertThat(ClaimFormat.URL.problem(value)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
        strings = {"not a url", "example.com", "/ada", "https://", "https:///ada", "https:ada", ""})
    void isRefusedWithKeycloaksInvalidUrlMessageWhenItIsNotOne(String value) {
      assertThat(keyOf(ClaimFormat.URL, value)).contains("error-invalid-uri");
    }

    @ParameterizedTest
    @ValueSource(
        strings = {"javascript:alert(1)", "data:image/png;base64,AAAA", "ftp://example.com/a"})
    void isRefusedWithKeycloaksInvalidSchemeMessageForOtherSchemes(String value) {
      assertThat(keyOf(ClaimFormat.URL, value)).contains("error-invalid-uri-scheme");
    }

    @Test
    void theMessageIsKeycloaksWordingAndSaysWhatIsExpected() {
      assertThat(ClaimFormat.URL.problem("x").orElseThrow().message())
          .startsWith("Invalid URL.")
          .contains("https://");
    }
  }

  @Nested
  class ADate {

    @ParameterizedTest
    @ValueSource(strings = {"1990-04-23", "2000-02-29", "0000-12-31", "2024-12-31"})
    void isADateThatExistsAsYearMonthDay(String value) {
      assertThat(ClaimFormat.DATE.problem(value)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "1990-02-30",
          "2023-02-29",
          "1990-13-01",
          "1990-4-23",
          "23/04/1990",
          "1990",
          "+10000-01-01",
          "1990-04-23T00:00:00Z",
          "１９９０-04-23"
        })
    void isRefusedWithKeycloaksInvalidDateMessageOtherwise(String value) {
      assertThat(keyOf(ClaimFormat.DATE, value)).contains("error-invalid-date");
    }
  }

  @Nested
  class ATimeZone {

    @ParameterizedTest
    @ValueSource(strings = {"Europe/Paris", "America/Los_Angeles", "UTC", "Etc/GMT+5"})
    void isAZoneOfTheIanaDatabase(String value) {
      assertThat(ClaimFormat.TIME_ZONE.problem(value)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
        strings = {"europe/paris", "Europe/Atlantis", "+02:00", "CEST", "SystemV/EST5", "Paris"})
    void isRefusedWithKeycloaksInvalidValueMessageOtherwise(String value) {
      assertThat(keyOf(ClaimFormat.TIME_ZONE, value)).contains("error-invalid-value");
    }
  }

  @Nested
  class ALocale {

    @ParameterizedTest
    @ValueSource(
        strings = {"en", "en-US", "fr-CA", "pt-BR", "zh-Hant-TW", "es-419", "fil", "de-CH-1996"})
    void isABcp47TagWithAKnownLanguageAndRegion(String value) {
      assertThat(ClaimFormat.LOCALE.problem(value)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"en_US", "english", "xx", "en-ZZ", "und", "x-private", "en-", "e"})
    void isRefusedWithKeycloaksInvalidValueMessageOtherwise(String value) {
      assertThat(keyOf(ClaimFormat.LOCALE, value)).contains("error-invalid-value");
    }
  }

  @Nested
  class AJsonValue {

    @Test
    void aClaimWithAFormatIsAString() {
      assertThat(ClaimFormat.URL.problem(Json.NODES.numberNode(42))).isPresent();
      assertThat(ClaimFormat.DATE.problem(Json.NODES.arrayNode().add("1990-04-23"))).isPresent();
      assertThat(ClaimFormat.LOCALE.problem(Json.object())).isPresent();
    }

    @Test
    void aStringIsCheckedAsText() {
      assertThat(ClaimFormat.URL.problem(Json.NODES.textNode("https://example.com"))).isEmpty();
    }
  }
}

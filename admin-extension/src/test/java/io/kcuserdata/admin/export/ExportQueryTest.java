package io.kcuserdata.admin.export;

import static io.kcuserdata.admin.testing.ApiErrors.assertInvalidRequest;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ExportQueryTest {

  private static Map<String, String> terms(String q) {
    return ExportQuery.parse(q, null, null).attributes();
  }

  private static String manyTerms(int count) {
    return IntStream.range(0, count).mapToObj(i -> "k" + i + ":v").collect(Collectors.joining(" "));
  }

  @Nested
  class TheAttributeQuery {

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  "})
    void selectsEveryUserWhenAbsentOrBlank(String q) {
      assertThat(terms(q)).isEmpty();
    }

    @Test
    void readsANamespacedAttributeTerm() {
      assertThat(terms("custom_data.plan:pro"))
          .containsExactly(Map.entry("custom_data.plan", "pro"));
    }

    @Test
    void readsSeveralTermsSeparatedBySpaces() {
      assertThat(terms("custom_data.plan:pro profile.locale:fr"))
          .containsOnly(Map.entry("custom_data.plan", "pro"), Map.entry("profile.locale", "fr"));
    }

    @Test
    void readsQuotedNamesAndValuesWithSpacesAsKeycloakDoes() {
      assertThat(terms("\"a b\":\"c d\"")).containsExactly(Map.entry("a b", "c d"));
    }

    @Test
    void readsEscapedQuotesInsideAQuotedValue() {
      assertThat(terms("k:\"say \\\"Hi\\\"\"")).containsExactly(Map.entry("k", "say \"hi\""));
    }

    @Test
    void lowerCasesValuesButKeepsTheCaseOfNames() {
      assertThat(terms("Custom_Data.Plan:PRO"))
          .containsExactly(Map.entry("Custom_Data.Plan", "pro"));
    }

    @Test
    void acceptsTwentyTerms() {
      assertThat(terms(manyTerms(ExportQuery.MAX_TERMS))).hasSize(20);
    }

    @Test
    void refusesMoreThanTwentyTerms() {
      assertInvalidRequest(() -> terms(manyTerms(21)), "more than 20 terms");
    }

    @Test
    void acceptsAValueOf255Characters() {
      assertThat(terms("k:" + "v".repeat(255))).containsEntry("k", "v".repeat(255));
    }

    @Test
    void refusesAValueOver255CharactersNamingItsAttribute() {
      assertInvalidRequest(
          () -> terms("custom_data.plan:" + "v".repeat(256)), "'custom_data.plan'", "255");
    }

    @Test
    void refusesAnAttributeNameOver255Characters() {
      assertInvalidRequest(() -> terms("k".repeat(256) + ":v"), "over-long attribute name");
    }

    @Test
    void refusesAnEmptyAttributeName() {
      assertInvalidRequest(() -> terms(":pro"), "empty or over-long attribute name");
    }

    @ParameterizedTest
    @ValueSource(strings = {"pro", "plan pro", "\"plan pro\""})
    void refusesTextWithoutAKeyValueTerm(String q) {
      assertInvalidRequest(() -> terms(q), "no key:value term");
    }

    @Test
    void refusesTextKeycloakCannotParse() {
      assertInvalidRequest(() -> terms("plan:pro\\"), "not a query of key:value terms");
    }

    @Test
    void answersAnUnmodifiableMap() {
      Map<String, String> terms = terms("plan:pro");

      assertThat(terms).isUnmodifiable();
    }
  }

  @Nested
  class TheCursor {

    @ParameterizedTest
    @NullAndEmptySource
    void startsFromTheBeginningWhenAbsent(String after) {
      assertThat(ExportQuery.parse(null, after, null).after()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0b9e6a4c-3f1d-4c2a-9e8b-7a6d5c4b3a21", "user_1", "a"})
    void acceptsAKeycloakUserId(String after) {
      assertThat(ExportQuery.parse(null, after, null).after()).isEqualTo(after);
    }

    @Test
    void acceptsSixtyFourCharacters() {
      assertThat(ExportQuery.parse(null, "a".repeat(64), null).after()).hasSize(64);
    }

    @Test
    void refusesSixtyFiveCharacters() {
      assertInvalidRequest(() -> ExportQuery.parse(null, "a".repeat(65), null), "after must be");
    }

    @ParameterizedTest
    @ValueSource(strings = {"../etc", "a/b", "a\\b", "a%2Fb", "a.b", "a b", " ", "a'--", "é"})
    void aCursorWithPathQuoteOrSpaceCharactersIsRefused(String after) {
      assertInvalidRequest(
          () -> ExportQuery.parse(null, after, null), "after must be the id of the last user");
    }
  }

  @Nested
  class TheLimit {

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  "})
    void isZeroMeaningEveryUserWhenAbsent(String max) {
      assertThat(ExportQuery.parse(null, null, max).max()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "500", " 500 ", "9223372036854775807"})
    void acceptsAWholeNumberOfAtLeastOne(String max) {
      assertThat(ExportQuery.parse(null, null, max).max()).isEqualTo(Long.parseLong(max.trim()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "1.5", "ten", "1e3", "0x10", "9223372036854775808"})
    void refusesAnythingElse(String max) {
      assertInvalidRequest(
          () -> ExportQuery.parse(null, null, max), "max must be a whole number of at least 1");
    }
  }
}

package io.kcuserdata.admin.export;

import static io.kcuserdata.admin.testing.ApiErrors.assertInvalidRequest;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kcuserdata.core.json.Json;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class FieldSelectionTest {

  private static final String RECORD =
      """
      {"id":"u1","username":"ada","email":null,"enabled":true,
       "profile":{"given_name":"Ada","locale":"en"},
       "custom_data":{"plan":"pro","address":{"city":"Paris","zip":"75001"}},
       "idp":{"github":{"login":"ada"},"google":{"sub":"1"}},
       "groups":["/staff"]}
      """;

  private static ObjectNode record() {
    return (ObjectNode) Json.parseOrNull(RECORD);
  }

  private static String kept(String fields) {
    return Json.compact(FieldSelection.parse(fields).apply(record()));
  }

  @Nested
  class Parsing {

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  "})
    void anAbsentSelectionSelectsAll(String value) {
      assertThat(FieldSelection.parse(value).selectsAll()).isTrue();
      assertThat(FieldSelection.all().selectsAll()).isTrue();
    }

    @Test
    void aSelectionOfOnlyCommasAndSpacesStillKeepsTheId() {
      FieldSelection fields = FieldSelection.parse(" , ,");

      assertThat(fields.selectsAll()).isFalse();
      assertThat(Json.compact(fields.apply(record()))).isEqualTo("{\"id\":\"u1\"}");
    }

    @Test
    void anUnknownTopLevelFieldIsRefusedAndTheKnownOnesListed() {
      assertInvalidRequest(
          () -> FieldSelection.parse("username,password"),
          "unknown field 'password'",
          "username",
          "custom_data",
          "required_actions");
    }

    @Test
    void aPathStartingWithAnUnknownFieldIsRefused() {
      assertInvalidRequest(
          () -> FieldSelection.parse("secrets.key"), "unknown field 'secrets.key'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"custom_data.", "custom_data..plan", "idp.github."})
    void aPathWithAnEmptySegmentIsRefused(String path) {
      assertInvalidRequest(
          () -> FieldSelection.parse(path), "'" + path + "'", "empty path segment");
    }

    @Test
    void twoHundredPathsCountingTheIdAreAccepted() {
      assertThat(FieldSelection.parse(paths(199)).selectsAll()).isFalse();
    }

    @Test
    void moreThanTwoHundredPathsAreRefused() {
      assertInvalidRequest(() -> FieldSelection.parse(paths(200)), "at most 200 paths");
    }

    @Test
    void repeatedPathsCountOnce() {
      assertThat(FieldSelection.parse(paths(199) + "," + paths(199)).selectsAll()).isFalse();
    }

    private static String paths(int count) {
      return IntStream.range(0, count)
          .mapToObj(i -> "custom_data.k" + i)
          .collect(Collectors.joining(","));
    }
  }

  @Nested
  class Applying {

    @Test
    void selectingAllAnswersTheRecordAsItIs() {
      ObjectNode record = record();

      assertThat(FieldSelection.all().apply(record)).isSameAs(record);
    }

    @Test
    void theIdIsAlwaysSelected() {
      assertThat(kept("username")).isEqualTo("{\"id\":\"u1\",\"username\":\"ada\"}");
    }

    @Test
    void aWholeNamespaceIsKeptWithEverythingUnderIt() {
      assertThat(kept("custom_data"))
          .isEqualTo(
              "{\"id\":\"u1\",\"custom_data\":{\"plan\":\"pro\","
                  + "\"address\":{\"city\":\"Paris\",\"zip\":\"75001\"}}}");
    }

    @Test
    void nestedPathsKeepOnlyTheirLeavesUnderSharedParents() {
      assertThat(kept("custom_data.address.city,custom_data.plan,idp.github"))
          .isEqualTo(
              "{\"id\":\"u1\",\"custom_data\":{\"address\":{\"city\":\"Paris\"},\"plan\":\"pro\"},"
                  + "\"idp\":{\"github\":{\"login\":\"ada\"}}}");
    }

    @Test
    void pathsTheRecordLacksAreLeftOut() {
      assertThat(kept("custom_data.missing,idp.gitlab,org.acme,created_at,profile.given_name.x"))
          .isEqualTo("{\"id\":\"u1\"}");
    }

    @Test
    void pathsThroughArraysOrTextsAreLeftOut() {
      assertThat(kept("groups.0,username.length")).isEqualTo("{\"id\":\"u1\"}");
    }

    @Test
    void anExplicitNullIsKept() {
      assertThat(kept("email")).isEqualTo("{\"id\":\"u1\",\"email\":null}");
    }

    @Test
    void aParentAndOneOfItsChildrenTogetherKeepTheWholeParent() {
      assertThat(kept("profile.locale,profile"))
          .isEqualTo("{\"id\":\"u1\",\"profile\":{\"given_name\":\"Ada\",\"locale\":\"en\"}}");
      assertThat(kept("profile,profile.locale"))
          .isEqualTo("{\"id\":\"u1\",\"profile\":{\"given_name\":\"Ada\",\"locale\":\"en\"}}");
    }

    @Test
    void theKeptValuesAreCopiesSoTheRecordIsLeftUntouched() {
      ObjectNode record = record();

      ObjectNode kept = FieldSelection.parse("profile").apply(record);
      ((ObjectNode) kept.get("profile")).put("given_name", "changed");

      assertThat(record).isEqualTo(record());
    }
  }
}

package io.kcuserdata.admin.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.kcuserdata.core.json.Json;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FieldsTest {

  private static Fields fields(String json) {
    return new Fields(Json.parseOrNull(json));
  }

  private static String array(int size) {
    return "[" + "\"r\",".repeat(size - 1) + "\"r\"]";
  }

  @Nested
  class TheNode {

    @ParameterizedTest
    @ValueSource(strings = {"[]", "\"x\"", "1", "null"})
    void mustBeAnObject(String json) {
      assertThatThrownBy(() -> fields(json))
          .isInstanceOf(InvalidLineException.class)
          .hasMessage("the line must be an object");
    }

    @Test
    void aMissingNodeIsRefusedUnderTheNameOfItsPlace() {
      assertThatThrownBy(() -> new Fields(null, "federated_identities"))
          .isInstanceOf(InvalidLineException.class)
          .hasMessage("federated_identities must be an object");
    }
  }

  @Nested
  class Texts {

    @Test
    void absentNullAndEmptyTextsAreNull() {
      Fields f = fields("{\"a\":null,\"b\":\"\"}");

      assertThat(f.text("a")).isNull();
      assertThat(f.text("b")).isNull();
      assertThat(f.text("c")).isNull();
    }

    @Test
    void aTextOfTheMaximumLengthIsRead() {
      assertThat(fields("{\"a\":\"" + "x".repeat(4096) + "\"}").text("a")).hasSize(4096);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "true", "[]", "{}"})
    void aNonStringIsRefusedNamingTheField(String value) {
      assertThatThrownBy(() -> fields("{\"a\":" + value + "}").text("a"))
          .isInstanceOf(InvalidLineException.class)
          .hasMessage("a must be a string of at most 4096");
    }

    @Test
    void anOverLongTextIsRefused() {
      assertThatThrownBy(() -> fields("{\"a\":\"" + "x".repeat(4097) + "\"}").text("a"))
          .hasMessage("a must be a string of at most 4096");
    }

    @Test
    void aRefusalNamesTheFieldUnderItsPlace() {
      Fields f = new Fields(Json.parseOrNull("{\"provider\":1}"), "federated_identities");

      assertThatThrownBy(() -> f.text("provider"))
          .hasMessage("federated_identities.provider must be a string of at most 4096");
    }
  }

  @Nested
  class Booleans {

    @Test
    void readsTrueFalseAndAbsence() {
      Fields f = fields("{\"t\":true,\"f\":false,\"n\":null}");

      assertThat(f.bool("t")).isTrue();
      assertThat(f.bool("f")).isFalse();
      assertThat(f.bool("n")).isNull();
      assertThat(f.bool("absent")).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"true\"", "1", "0", "{}"})
    void refusesAnythingButABoolean(String value) {
      assertThatThrownBy(() -> fields("{\"b\":" + value + "}").bool("b"))
          .isInstanceOf(InvalidLineException.class)
          .hasMessage("b must be true or false");
    }
  }

  @Nested
  class ObjectFields {

    @Test
    void readsAnObjectOrNull() {
      Fields f = fields("{\"o\":{\"k\":1},\"n\":null}");

      assertThat(f.object("o")).isEqualTo(Json.parseOrNull("{\"k\":1}"));
      assertThat(f.object("n")).isNull();
      assertThat(f.object("absent")).isNull();
    }

    @Test
    void refusesAnythingButAnObject() {
      assertThatThrownBy(() -> fields("{\"o\":[]}").object("o"))
          .isInstanceOf(InvalidLineException.class)
          .hasMessage("o must be a JSON object");
    }
  }

  @Nested
  class ArrayFields {

    @Test
    void absentAndNullArraysAreEmpty() {
      Fields f = fields("{\"n\":null}");

      assertThat(f.array("n")).isEmpty();
      assertThat(f.array("absent")).isEmpty();
      assertThat(f.texts("absent")).isEmpty();
    }

    @Test
    void readsTheItemsInOrder() {
      assertThat(fields("{\"a\":[1,\"x\",{}]}").array("a"))
          .extracting(JsonNode::toString)
          .containsExactly("1", "\"x\"", "{}");
    }

    @Test
    void readsAThousandItemsAndRefusesOneMore() {
      assertThat(fields("{\"a\":" + array(1000) + "}").texts("a")).hasSize(1000);
      assertThatThrownBy(() -> fields("{\"a\":" + array(1001) + "}").array("a"))
          .hasMessage("a must be an array of at most 1000");
    }

    @Test
    void refusesANonArray() {
      assertThatThrownBy(() -> fields("{\"a\":\"r\"}").array("a"))
          .isInstanceOf(InvalidLineException.class)
          .hasMessage("a must be an array of at most 1000");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[\"\"]", "[1]", "[null]", "[[\"r\"]]", "[\"r\",{}]"})
    void textsMustAllBeNonEmptyStrings(String value) {
      assertThatThrownBy(() -> fields("{\"a\":" + value + "}").texts("a"))
          .isInstanceOf(InvalidLineException.class)
          .hasMessage("a must hold non-empty strings");
    }

    @Test
    void textsRefuseAnOverLongString() {
      assertThatThrownBy(() -> fields("{\"a\":[\"" + "x".repeat(4097) + "\"]}").texts("a"))
          .hasMessage("a must hold non-empty strings");
    }
  }
}

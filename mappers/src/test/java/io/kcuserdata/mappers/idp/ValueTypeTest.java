package io.kcuserdata.mappers.idp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kcuserdata.core.json.Json;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ValueTypeTest {

  private static JsonNode json(String text) {
    return Json.parseOrNull(text);
  }

  @Nested
  class Auto {

    @Test
    void keepsEveryJsonTypeObjectsAndArraysIncluded() {
      for (String value : new String[] {"\"x\"", "5", "true", "{\"a\":[1]}", "[1,\"b\"]"}) {
        assertThat(ValueType.AUTO.coerce(json(value))).contains(json(value));
      }
    }
  }

  @Nested
  class StringType {

    @Test
    void makesCompactJsonOfObjectsNeverToString() {
      assertThat(ValueType.STRING.coerce(json("{\"a\":1}")))
          .contains(Json.NODES.textNode("{\"a\":1}"));
      assertThat(ValueType.STRING.coerce(json("5"))).contains(Json.NODES.textNode("5"));
    }
  }

  @Nested
  class Conversions {

    @Test
    void booleansFromTheirUsualSpellings() {
      assertThat(ValueType.BOOLEAN.coerce(json("\"true\""))).contains(json("true"));
      assertThat(ValueType.BOOLEAN.coerce(json("\"0\""))).contains(json("false"));
      assertThat(ValueType.BOOLEAN.coerce(json("\"maybe\""))).isEmpty();
    }

    @Test
    void numbersFromNumericText() {
      assertThat(ValueType.NUMBER.coerce(json("\"42\""))).contains(json("42"));
      assertThat(ValueType.NUMBER.coerce(json("\"1.5\""))).contains(json("1.5"));
      assertThat(ValueType.NUMBER.coerce(json("\"forty\""))).isEmpty();
      assertThat(ValueType.NUMBER.coerce(json("{}"))).isEmpty();
    }

    @Test
    void jsonParsesTextThatHoldsJson() {
      assertThat(ValueType.JSON.coerce(json("\"{\\\"a\\\":1}\""))).contains(json("{\"a\":1}"));
      assertThat(ValueType.JSON.coerce(json("\"plain\""))).contains(json("\"plain\""));
    }

    @Test
    void stringArraysFromSingleValuesAndArrays() {
      assertThat(ValueType.STRING_ARRAY.coerce(json("\"a\""))).contains(json("[\"a\"]"));
      assertThat(ValueType.STRING_ARRAY.coerce(json("[1,\"b\",{\"c\":2}]")))
          .contains(json("[\"1\",\"b\",\"{\\\"c\\\":2}\"]"));
    }
  }

  @Test
  void unknownConfigValuesAreNotTypes() {
    assertThat(ValueType.of("uuid")).isEmpty();
    assertThat(ValueType.of("")).contains(ValueType.AUTO);
  }
}

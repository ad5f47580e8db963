package io.kcuserdata.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class JsonValuesTest {

  static Object convert(String json) {
    return JsonValues.toJava(Json.parseOrNull(json));
  }

  @Nested
  class Scalars {

    @Test
    void stringsStayStrings() {
      assertThat(convert("\"42\"")).isEqualTo("42");
    }

    @Test
    void numbersStayNumbersOfTheirOwnSize() {
      assertThat(convert("42")).isEqualTo(42);
      assertThat(convert("9000000000")).isEqualTo(9_000_000_000L);
      assertThat(convert("123456789012345678901234567890"))
          .isEqualTo(new BigInteger("123456789012345678901234567890"));
      assertThat(convert("1.5")).isEqualTo(1.5d);
    }

    @Test
    void booleansStayBooleans() {
      assertThat(convert("true")).isEqualTo(Boolean.TRUE);
    }

    @Test
    void nullIsJavaNull() {
      assertThat(convert("null")).isNull();
      assertThat(JsonValues.toJava(null)).isNull();
    }

    @Test
    void aDecimalNodeIsABigDecimal() {
      assertThat(JsonValues.toJava(Json.NODES.numberNode(new BigDecimal("0.10"))))
          .isEqualTo(new BigDecimal("0.10"));
    }
  }

  @Nested
  class Containers {

    @Test
    void objectsBecomeMapsKeepingMemberOrder() {
      Object value = convert("{\"z\":1,\"a\":{\"b\":[true]}}");
      assertThat(value).isEqualTo(Map.of("z", 1, "a", Map.of("b", List.of(true))));
      assertThat(List.<Object>copyOf(((Map<?, ?>) value).keySet())).containsExactly("z", "a");
    }

    @Test
    void arraysBecomeListsKeepingNulls() {
      assertThat(convert("[1,\"a\",null,{\"k\":false}]"))
          .isEqualTo(Arrays.asList(1, "a", null, Map.of("k", false)));
    }

    @Test
    void noJacksonNodeIsLeftAnywhere() {
      Object value = convert("{\"a\":[{\"b\":{\"c\":[1]}}]}");
      assertThat(value).isEqualTo(Map.of("a", List.of(Map.of("b", Map.of("c", List.of(1))))));
    }
  }
}

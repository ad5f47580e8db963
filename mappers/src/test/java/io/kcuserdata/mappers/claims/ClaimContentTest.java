package io.kcuserdata.mappers.claims;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kcuserdata.core.json.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ClaimContentTest {

  static ObjectNode object(String json) {
    return (ObjectNode) Json.parseOrNull(json);
  }

  @Nested
  class Selection {

    @Test
    void noKeysSelectsEveryKeyInStoredOrder() {
      assertThat(ClaimContent.select(object("{\"a\":1,\"b\":\"x\"}"), List.of()))
          .hasValueSatisfying(
              claim -> assertThat(claim).containsExactly(Map.entry("a", 1), Map.entry("b", "x")));
    }

    @Test
    void listedKeysAreSelectedInTheListedOrder() {
      assertThat(ClaimContent.select(object("{\"a\":1,\"b\":2,\"c\":3}"), List.of("c", "a")))
          .hasValueSatisfying(
              claim -> assertThat(claim).containsExactly(Map.entry("c", 3), Map.entry("a", 1)));
    }

    @Test
    void listedKeysTheUserHasNoValueForAreLeftOut() {
      assertThat(ClaimContent.select(object("{\"a\":1,\"b\":null}"), List.of("a", "b", "z")))
          .hasValueSatisfying(claim -> assertThat(claim).containsOnlyKeys("a"));
    }
  }

  @Nested
  class NoClaim {

    @Test
    void whenTheUserHasNoSuchNamespace() {
      assertThat(ClaimContent.select(null, List.of())).isEmpty();
    }

    @Test
    void whenTheNamespaceIsEmpty() {
      assertThat(ClaimContent.select(Json.object(), List.of())).isEmpty();
    }

    @Test
    void whenNoneOfTheListedKeysHasAValue() {
      assertThat(ClaimContent.select(object("{\"a\":1}"), List.of("b"))).isEmpty();
    }
  }
}

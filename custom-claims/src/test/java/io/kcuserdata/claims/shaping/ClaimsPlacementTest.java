package io.kcuserdata.claims.shaping;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kcuserdata.core.json.Json;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClaimsPlacementTest {

  private static final ClaimsPlacement TOP_LEVEL = new ClaimsPlacement(List.of());

  private final Map<String, Object> token = new HashMap<>();

  private static JsonNode json(String text) {
    return Json.parseOrNull(text);
  }

  @Nested
  class AtTopLevel {

    @Test
    void eachMemberBecomesAClaimAsAPlainJavaValue() {
      List<String> dropped =
          TOP_LEVEL.apply(
              token,
              json(
                  "{\"plan\":\"gold\",\"seats\":3,\"ratio\":0.5,\"beta\":true,\"none\":null,"
                      + "\"tags\":[\"a\",1],\"org\":{\"id\":\"o1\",\"roles\":[\"x\"]}}"));

      assertThat(dropped).isEmpty();
      assertThat(token)
          .containsEntry("plan", "gold")
          .containsEntry("seats", 3)
          .containsEntry("beta", true)
          .containsEntry("none", null)
          .containsEntry("tags", List.of("a", 1))
          .containsEntry("org", Map.of("id", "o1", "roles", List.of("x")));
      assertThat(token.get("ratio")).isIn(0.5, new BigDecimal("0.5"));
      assertThat(token.values()).noneMatch(JsonNode.class::isInstance);
      assertThat(token.get("org")).isInstanceOf(LinkedHashMap.class);
      assertThat(token.get("tags")).isInstanceOf(ArrayList.class);
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "sub",
          "iss",
          "aud",
          "exp",
          "nbf",
          "iat",
          "jti",
          "scope",
          "azp",
          "realm_access",
          "resource_access",
          "organization",
          "act",
          "may_act",
          "cnf",
          "client_id",
          "sid",
          "acr"
        })
    void reservedNamesAreNeverWrittenAndAreReported(String name) {
      token.put(name, "server value");

      List<String> dropped =
          TOP_LEVEL.apply(token, json("{\"" + name + "\":\"api value\",\"plan\":\"gold\"}"));

      assertThat(dropped).containsExactly(name);
      assertThat(token).containsEntry(name, "server value").containsEntry("plan", "gold");
    }

    @Test
    void everyReservedNameIsDroppedInOneAnswer() {
      StringBuilder answer = new StringBuilder("{\"plan\":1");
      ReservedClaims.NAMES.forEach(name -> answer.append(",\"").append(name).append("\":1"));

      List<String> dropped = TOP_LEVEL.apply(token, json(answer + "}"));

      assertThat(dropped).containsExactlyInAnyOrderElementsOf(ReservedClaims.NAMES);
      assertThat(token).containsOnlyKeys("plan");
    }

    @Test
    void existingNonReservedClaimsAreReplaced() {
      token.put("plan", "silver");

      TOP_LEVEL.apply(token, json("{\"plan\":\"gold\"}"));

      assertThat(token).containsEntry("plan", "gold");
    }

    @Test
    void noClaimsChangeNothing() {
      assertThat(TOP_LEVEL.apply(token, null)).isEmpty();
      assertThat(new ClaimsPlacement(List.of("acme")).apply(token, null)).isEmpty();
      assertThat(token).isEmpty();
    }
  }

  @Nested
  class UnderAClaimName {

    @Test
    void aSinglePartNameHoldsTheWholeValue() {
      new ClaimsPlacement(List.of("acme")).apply(token, json("[\"a\",\"b\"]"));

      assertThat(token).containsEntry("acme", List.of("a", "b"));
    }

    @Test
    void aNestedNameCreatesTheMapsOnItsPath() {
      List<String> dropped =
          new ClaimsPlacement(List.of("acme", "billing", "plan")).apply(token, json("\"gold\""));

      assertThat(dropped).isEmpty();
      assertThat(token).isEqualTo(Map.of("acme", Map.of("billing", Map.of("plan", "gold"))));
    }

    @Test
    void aNestedNameMergesIntoExistingMaps() {
      Map<String, Object> acme = new HashMap<>(Map.of("tenant", "t1"));
      token.put("acme", acme);

      new ClaimsPlacement(List.of("acme", "plan")).apply(token, json("{\"tier\":2}"));

      assertThat(token.get("acme")).isSameAs(acme);
      assertThat(acme).containsEntry("tenant", "t1").containsEntry("plan", Map.of("tier", 2));
    }

    @Test
    void aNonMapValueOnThePathIsKeptAndTheClaimReported() {
      token.put("acme", "a string");

      List<String> dropped =
          new ClaimsPlacement(List.of("acme", "plan", "tier")).apply(token, json("2"));

      assertThat(dropped)
          .containsExactly("acme.plan.tier (another claim holds a value on its path)");
      assertThat(token).containsOnly(Map.entry("acme", "a string"));
    }

    @Test
    void reservedNamesInsideTheValueAreKeptSinceTheyAreNotTopLevel() {
      new ClaimsPlacement(List.of("acme")).apply(token, json("{\"sub\":\"x\"}"));

      assertThat(token).containsEntry("acme", Map.of("sub", "x"));
    }
  }

  @Nested
  class FreshValues {

    @Test
    void eachApplicationWritesItsOwnCopy() {
      JsonNode claims = json("{\"org\":{\"roles\":[\"x\"]}}");
      TOP_LEVEL.apply(token, claims);
      @SuppressWarnings("unchecked")
      Map<String, Object> org = (Map<String, Object>) token.get("org");
      @SuppressWarnings("unchecked")
      List<Object> roles = (List<Object>) org.get("roles");
      roles.add("injected");
      org.put("extra", true);

      Map<String, Object> second = new HashMap<>();
      TOP_LEVEL.apply(second, claims);

      assertThat(second).isEqualTo(Map.of("org", Map.of("roles", List.of("x"))));
      assertThat(claims).isEqualTo(json("{\"org\":{\"roles\":[\"x\"]}}"));
    }

    @Test
    void theClaimPathIsCopied() {
      List<String> path = new ArrayList<>(List.of("acme"));
      ClaimsPlacement placement = new ClaimsPlacement(path);
      path.add("changed");

      placement.apply(token, json("1"));

      assertThat(token).containsEntry("acme", 1);
    }
  }
}

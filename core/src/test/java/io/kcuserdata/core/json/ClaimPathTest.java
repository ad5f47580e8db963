package io.kcuserdata.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClaimPathTest {

  private static final JsonNode CLAIMS =
      Json.parseOrNull(
          "{\"email\":\"a@b.c\",\"address\":{\"country\":\"DE\"},\"groups\":[\"x\",\"y\"],"
              + "\"a\":{\"b\":[{\"c\":1},{\"c\":2}]},\"https://example.com/roles\":[\"admin\"],"
              + "\"nothing\":null,\"m\":[[5,6]]}");

  @Nested
  class Finding {

    @Test
    void aTopLevelClaim() {
      assertThat(ClaimPath.parse("email").find(CLAIMS)).contains(Json.NODES.textNode("a@b.c"));
    }

    @Test
    void nestedMembersAndArrayElements() {
      assertThat(ClaimPath.parse("address.country").find(CLAIMS))
          .contains(Json.NODES.textNode("DE"));
      assertThat(ClaimPath.parse("groups[1]").find(CLAIMS)).contains(Json.NODES.textNode("y"));
      assertThat(ClaimPath.parse("a.b[1].c").find(CLAIMS)).contains(Json.NODES.numberNode(2));
      assertThat(ClaimPath.parse("m[0][1]").find(CLAIMS)).contains(Json.NODES.numberNode(6));
    }

    @Test
    void aClaimNameWithDotsWhenTheyAreEscaped() {
      assertThat(ClaimPath.parse("https://example\\.com/roles[0]").find(CLAIMS))
          .contains(Json.NODES.textNode("admin"));
    }

    @Test
    void objectsAndArraysWhole() {
      assertThat(ClaimPath.parse("a.b").find(CLAIMS).orElseThrow().isArray()).isTrue();
    }

    @Test
    void nothingForMissingStepsNullsAndWrongShapes() {
      assertThat(ClaimPath.parse("address.city").find(CLAIMS)).isEmpty();
      assertThat(ClaimPath.parse("groups[9]").find(CLAIMS)).isEmpty();
      assertThat(ClaimPath.parse("nothing").find(CLAIMS)).isEmpty();
      assertThat(ClaimPath.parse("email.x").find(CLAIMS)).isEmpty();
      assertThat(ClaimPath.parse("address[0]").find(CLAIMS)).isEmpty();
    }
  }

  @Nested
  class Parsing {

    @ParameterizedTest
    @ValueSource(strings = {"", " ", ".a", "a.", "a..b", "[0]", "a[x]", "a[0", "a[0]b", "a.[0]"})
    void refusesMalformedPathsWithAReason(String path) {
      assertThatThrownBy(() -> ClaimPath.parse(path)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theHeadIsTheFirstClaimName() {
      assertThat(ClaimPath.parse("groups[0]").head()).isEqualTo("groups");
      assertThat(ClaimPath.parse("urn:oid:2\\.5\\.4\\.42").head()).isEqualTo("urn:oid:2.5.4.42");
    }
  }
}

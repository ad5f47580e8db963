package io.kcuserdata.mappers.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class VerifiedClaimTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** The flag at {@code path} in one claim set. */
  static VerifiedFlag read(String path, String claims) {
    return VerifiedFlag.of(VerifiedClaim.parse(path).find(json(claims)));
  }

  @Nested
  class Paths {

    @Test
    void aPlainNameIsOneClaim() {
      assertThat(read("email_verified", "{\"email_verified\":true}")).isEqualTo(VerifiedFlag.TRUE);
    }

    @Test
    void dotsNestAndBackslashDotIsALiteralDot() {
      assertThat(read("a.b\\.c.d", "{\"a\":{\"b.c\":{\"d\":true}}}")).isEqualTo(VerifiedFlag.TRUE);
    }

    @Test
    void surroundingSpacesAreIgnored() {
      assertThat(read("  email_verified ", "{\"email_verified\":true}"))
          .isEqualTo(VerifiedFlag.TRUE);
    }

    @Test
    void aBlankPathIsRefused() {
      assertThatThrownBy(() -> VerifiedClaim.parse(" ")).hasMessage("is blank");
    }
  }

  @Nested
  class Lookup {

    @Test
    void aNestedFlagIsFound() {
      assertThat(read("ext.verified", "{\"ext\":{\"verified\":true}}"))
          .isEqualTo(VerifiedFlag.TRUE);
    }

    @Test
    void aPathThroughANonObjectFindsNothing() {
      assertThat(read("ext.verified", "{\"ext\":[true]}")).isEqualTo(VerifiedFlag.MISSING);
      assertThat(read("ext.verified", "{\"ext\":\"true\"}")).isEqualTo(VerifiedFlag.MISSING);
    }

    @Test
    void aNameWithADotIsFoundWithTheEscape() {
      assertThat(read("urn:x\\.verified", "{\"urn:x.verified\":\"true\"}"))
          .isEqualTo(VerifiedFlag.TRUE);
    }
  }

  @Nested
  class SeveralClaimSets {

    @Test
    void eachSetIsReadApartWithTheAddressItNames() {
      List<JsonNode> sets =
          List.of(
              json("{\"email\":\"a@example.com\",\"email_verified\":true}"),
              json("{\"email\":\" b@example.com \"}"),
              json("{\"email_verified\":\"false\"}"));

      assertThat(VerifiedClaim.parse("email_verified").assertions(sets))
          .containsExactly(
              new AddressAssertion("a@example.com", VerifiedFlag.TRUE),
              new AddressAssertion("b@example.com", VerifiedFlag.MISSING),
              new AddressAssertion(null, VerifiedFlag.FALSE));
    }

    @Test
    void noClaimSetsAssertNothing() {
      assertThat(VerifiedClaim.parse("email_verified").assertions(List.of())).isEmpty();
    }
  }
}

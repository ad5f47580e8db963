package io.kcuserdata.mappers.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
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

  static VerifiedFlag read(String path, String... claimSets) {
    return VerifiedClaim.parse(path)
        .read(Arrays.stream(claimSets).map(VerifiedClaimTest::json).toList());
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
    void noClaimSetsMeansMissing() {
      assertThat(VerifiedClaim.parse("email_verified").read(List.of()))
          .isEqualTo(VerifiedFlag.MISSING);
    }

    @Test
    void aSetWithoutTheClaimHasNoSay() {
      assertThat(read("email_verified", "{}", "{\"email_verified\":true}"))
          .isEqualTo(VerifiedFlag.TRUE);
    }

    @Test
    void aFalseAnywhereWins() {
      assertThat(read("email_verified", "{\"email_verified\":true}", "{\"email_verified\":false}"))
          .isEqualTo(VerifiedFlag.FALSE);
      assertThat(read("email_verified", "{\"email_verified\":false}", "{\"email_verified\":true}"))
          .isEqualTo(VerifiedFlag.FALSE);
    }

    @Test
    void anUnreadableValueAnywhereSpoilsAYes() {
      assertThat(read("email_verified", "{\"email_verified\":true}", "{\"email_verified\":1}"))
          .isEqualTo(VerifiedFlag.INVALID);
    }

    @Test
    void trueInEverySetThatHasItIsTrue() {
      assertThat(
              read("email_verified", "{\"email_verified\":true}", "{\"email_verified\":\"true\"}"))
          .isEqualTo(VerifiedFlag.TRUE);
    }
  }
}

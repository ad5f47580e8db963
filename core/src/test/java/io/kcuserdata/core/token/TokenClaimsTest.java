package io.kcuserdata.core.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.keycloak.models.ProtocolMapperModel;

class TokenClaimsTest {

  @Nested
  class Fits {

    @Test
    void aFreePathFits() {
      assertThat(TokenClaims.fits(Map.of(), "a.b.c")).isTrue();
    }

    @Test
    void aPathThroughObjectsFits() {
      assertThat(TokenClaims.fits(Map.of("a", Map.of("b", Map.of())), "a.b.c")).isTrue();
    }

    @Test
    void aPathThroughAnotherValueDoesNot() {
      assertThat(TokenClaims.fits(Map.of("a", "text"), "a.b")).isFalse();
      assertThat(TokenClaims.fits(Map.of("a", Map.of("b", 1)), "a.b.c")).isFalse();
    }

    @Test
    void theLastPartMayHoldAnythingItIsReplaced() {
      assertThat(TokenClaims.fits(Map.of("a", "text"), "a")).isTrue();
    }

    @Test
    void anEscapedDotDoesNotNest() {
      assertThat(TokenClaims.fits(Map.of("a", "text"), "a\\.b")).isTrue();
    }
  }

  @Nested
  class ModelForMapClaim {

    @Test
    void carriesTheResolvedClaimNameWithoutTypeConversionLeavingTheOriginalAlone() {
      ProtocolMapperModel model = new ProtocolMapperModel();
      model.setName("m");
      Map<String, String> config = new HashMap<>();
      config.put("claim.name", "");
      config.put("jsonType.label", "String");
      config.put("multivalued", "true");
      config.put("access.token.claim", "true");
      model.setConfig(config);

      ProtocolMapperModel copy = TokenClaims.forMapClaim(model, "custom_data");

      assertThat(copy.getName()).isEqualTo("m");
      assertThat(copy.getConfig())
          .isEqualTo(Map.of("claim.name", "custom_data", "access.token.claim", "true"));
      assertThat(model.getConfig()).containsEntry("claim.name", "").hasSize(4);
    }
  }
}

package io.kcuserdata.core.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookSecretTest {

  static final String SPEC_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

  @Nested
  class Generation {

    @Test
    void aNewSecretIsWhsecAndTheBase64OfThirtyTwoRandomBytes() {
      String encoded = WebhookSecret.generate().encoded();

      assertThat(encoded).startsWith("whsec_");
      assertThat(Base64.getDecoder().decode(encoded.substring("whsec_".length()))).hasSize(32);
    }

    @Test
    void everyNewSecretIsDifferent() {
      Set<String> seen = new HashSet<>();
      for (int i = 0; i < 100; i++) {
        seen.add(WebhookSigner.newSecret().encoded());
      }
      assertThat(seen).hasSize(100);
    }

    @Test
    void aNewSecretReadsBackAsItself() {
      WebhookSecret secret = WebhookSecret.generate();

      assertThat(WebhookSecret.parse(secret.encoded()).encoded()).isEqualTo(secret.encoded());
    }
  }

  @Nested
  class Parsing {

    @Test
    void theSpecificationsSecretIsRead() {
      assertThat(WebhookSecret.parse(SPEC_SECRET).encoded()).isEqualTo(SPEC_SECRET);
    }

    @Test
    void surroundingWhitespaceIsIgnored() {
      assertThat(WebhookSecret.parse("  " + SPEC_SECRET + "\n").encoded()).isEqualTo(SPEC_SECRET);
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
          "whsex_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
          "WHSEC_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
        })
    void aSecretWithoutTheWhsecPrefixIsRefusedWithoutQuotingIt(String secret) {
      assertThatThrownBy(() -> WebhookSecret.parse(secret))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("whsec_")
          .hasMessageNotContaining("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
    }

    @Test
    void aSecretThatIsNotBase64IsRefusedWithoutQuotingIt() {
      String secret = "whsec_MfKQ9r8GKYqr-wjUPD8ILPZIo2LaLa!w";

      assertThatThrownBy(() -> WebhookSecret.parse(secret))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("base64")
          .hasMessageNotContaining("MfKQ9r8GKYqr")
          .hasNoCause();
    }

    @Test
    void aKeyShorterThanTwentyFourBytesIsRefusedWithoutQuotingIt() {
      String secret = "whsec_" + Base64.getEncoder().encodeToString("sixteen bytes!!!".getBytes());

      assertThatThrownBy(() -> WebhookSecret.parse(secret))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("24 to 64 bytes")
          .hasMessageNotContaining(secret.substring(6));
    }

    @Test
    void aKeyLongerThanSixtyFourBytesIsRefused() {
      String secret = "whsec_" + Base64.getEncoder().encodeToString(new byte[65]);

      assertThatThrownBy(() -> WebhookSecret.parse(secret)).hasMessageContaining("24 to 64 bytes");
    }

    @Test
    void anEmptySecretIsRefused() {
      assertThatThrownBy(() -> WebhookSecret.parse(" ")).hasMessageContaining("empty");
      assertThatThrownBy(() -> WebhookSecret.parse(null)).hasMessageContaining("empty");
    }
  }

  @Nested
  class Secrecy {

    @Test
    void toStringNeverShowsTheSecret() {
      WebhookSecret secret = WebhookSecret.parse(SPEC_SECRET);

      assertThat(secret.toString()).doesNotContain("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
      assertThat(new WebhookSigner(secret).toString())
          .doesNotContain("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
    }
  }
}

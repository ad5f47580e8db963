package io.kcuserdata.events.webhooks.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class SecretCipherTest {

  private static final String SECRET = "whsec_c2VjcmV0LXRoYXQtbXVzdC1uZXZlci1sZWFr";

  private static final String KEY = key(1, 32);
  private static final String OTHER_KEY = key(2, 32);

  /** A base64 key of {@code bytes} reproducible bytes. */
  private static String key(long seed, int bytes) {
    byte[] raw = new byte[bytes];
    new SplittableRandom(seed).nextBytes(raw);
    return Base64.getEncoder().encodeToString(raw);
  }

  @Nested
  class WithAKey {

    private final SecretCipher cipher = SecretCipher.withKey(KEY);

    @Test
    void encrypts() {
      assertThat(cipher.encrypts()).isTrue();
    }

    @Test
    void opensWhatItSealed() {
      assertThat(cipher.open(cipher.seal(SECRET))).isEqualTo(SECRET);
      assertThat(cipher.open(cipher.seal("ü ✓ 🔑"))).isEqualTo("ü ✓ 🔑");
    }

    @Test
    void sealsAsVersionedBase64WithoutTheSecretInIt() {
      String sealed = cipher.seal(SECRET);

      assertThat(sealed).startsWith("v1:").doesNotContain(SECRET);
      assertThat(Base64.getDecoder().decode(sealed.substring(3))).hasSizeGreaterThan(12 + 16);
    }

    @Test
    void sealsDifferentlyEveryTimeBecauseTheIvIsRandom() {
      Set<String> seals = new HashSet<>();
      for (int i = 0; i < 20; i++) {
        seals.add(cipher.seal(SECRET));
      }
      assertThat(seals).hasSize(20);
    }

    @Test
    void opensSecretsStoredBeforeTheKeyWasSet() {
      assertThat(cipher.open("plain:" + SECRET)).isEqualTo(SECRET);
    }

    @Test
    void acceptsTheKeyWithSurroundingWhitespace() {
      SecretCipher padded = SecretCipher.withKey(" " + KEY + "\n");

      assertThat(padded.open(cipher.seal(SECRET))).isEqualTo(SECRET);
    }
  }

  @Nested
  class WithoutAKey {

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  "})
    void storesSecretsMarkedPlain(String noKey) {
      SecretCipher cipher = SecretCipher.withKey(noKey);

      assertThat(cipher.encrypts()).isFalse();
      assertThat(cipher.seal(SECRET)).isEqualTo("plain:" + SECRET);
      assertThat(cipher.open(cipher.seal(SECRET))).isEqualTo(SECRET);
    }

    @Test
    void cannotOpenASealedSecret() {
      String sealed = SecretCipher.withKey(KEY).seal(SECRET);

      assertThatThrownBy(() -> SecretCipher.withKey(null).open(sealed))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("secret-key");
    }
  }

  @Nested
  class Opening {

    private final String sealed = SecretCipher.withKey(KEY).seal(SECRET);

    @Test
    void underAnotherKeyFailsWithoutTellingTheSecret() {
      assertThatThrownBy(() -> SecretCipher.withKey(OTHER_KEY).open(sealed))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageNotContaining(SECRET)
          .hasMessageNotContaining(KEY)
          .hasNoCause();
    }

    @Test
    void aTamperedCiphertextFails() {
      byte[] raw = Base64.getDecoder().decode(sealed.substring(3));
      raw[raw.length - 20] ^= 1;
      String tampered = "v1:" + Base64.getEncoder().encodeToString(raw);

      assertThatThrownBy(() -> SecretCipher.withKey(KEY).open(tampered))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageNotContaining(SECRET);
    }

    @ParameterizedTest
    @ValueSource(strings = {"v1:", "v1:AAAA", "v1:not base64!", "v2:AAAA", "whsec_raw"})
    void aMalformedStoredValueFails(String stored) {
      assertThatThrownBy(() -> SecretCipher.withKey(KEY).open(stored))
          .isInstanceOf(IllegalStateException.class);
    }
  }

  @Nested
  class ABadKey {

    @Test
    void thatIsNotBase64IsRefusedWithoutQuotingIt() {
      String notBase64 = "this-is-not-base64-but-a-secret!";

      assertThatThrownBy(() -> SecretCipher.withKey(notBase64))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("not base64")
          .hasMessageNotContaining(notBase64)
          .hasNoCause();
    }

    @ParameterizedTest
    @ValueSource(ints = {16, 24, 31, 33, 64})
    void ofTheWrongLengthIsRefusedWithoutQuotingIt(int bytes) {
      String wrongLength = key(3, bytes);

      assertThatThrownBy(() -> SecretCipher.withKey(wrongLength))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("32 bytes")
          .hasMessageNotContaining(wrongLength);
    }
  }
}

package io.kcuserdata.core.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecretCipherTest {

  private static final String SECRET = "whsec_c2VjcmV0LXRoYXQtbXVzdC1uZXZlci1sZWFr";
  private static final SealContext CONTEXT = SealContext.of("webhook secret");
  private static final SealingKey KEY = TestKeys.operator(1);
  private static final SealingKey OTHER_KEY = TestKeys.operator(2);

  private static SecretCipher cipher(SealingKey primary, SealingKey... others) {
    return SecretCipher.of("a webhook secret", CONTEXT, primary, List.of(others));
  }

  /** What the webhooks' cipher stored before key ids: AES-GCM directly under the raw key. */
  private static String legacySealed(long seed, String secret) throws Exception {
    byte[] iv = new byte[12];
    new SecureRandom().nextBytes(iv);
    Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
    aes.init(
        Cipher.ENCRYPT_MODE,
        new SecretKeySpec(TestKeys.bytes(seed, 32), "AES"),
        new GCMParameterSpec(128, iv));
    byte[] sealed = aes.doFinal(secret.getBytes(StandardCharsets.UTF_8));
    byte[] out = new byte[12 + sealed.length];
    System.arraycopy(iv, 0, out, 0, 12);
    System.arraycopy(sealed, 0, out, 12, sealed.length);
    return "v1:" + Base64.getEncoder().encodeToString(out);
  }

  @Nested
  class WithAKey {

    private final SecretCipher cipher = cipher(KEY);

    @Test
    void encryptsUnderThatKeyNamingIt() {
      assertThat(cipher.encrypts()).isTrue();
      assertThat(cipher.keyId()).contains(KEY.kid());
      assertThat(cipher.seal(SECRET))
          .startsWith("sealed:1:" + KEY.kid() + ":")
          .doesNotContain(SECRET);
    }

    @Test
    void opensWhatItSealed() {
      assertThat(cipher.open(cipher.seal(SECRET))).isEqualTo(SECRET);
      assertThat(cipher.open(cipher.seal("ü ✓ 🔑"))).isEqualTo("ü ✓ 🔑");
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
    void opensSecretsSealedBeforeKeyIdsUnderTheSameKey() throws Exception {
      assertThat(cipher.open(legacySealed(1, SECRET))).isEqualTo(SECRET);
    }
  }

  @Nested
  class WithANewKeyAndTheOldOne {

    private final SecretCipher cipher = cipher(OTHER_KEY, KEY);

    @Test
    void sealsUnderTheNewKey() {
      assertThat(cipher.seal(SECRET)).startsWith("sealed:1:" + OTHER_KEY.kid() + ":");
    }

    @Test
    void opensWhatTheOldKeySealedInEitherForm() throws Exception {
      assertThat(cipher.open(cipher(KEY).seal(SECRET))).isEqualTo(SECRET);
      assertThat(cipher.open(legacySealed(1, SECRET))).isEqualTo(SECRET);
    }
  }

  @Nested
  class WithoutAKey {

    private final SecretCipher cipher = cipher(null);

    @Test
    void storesSecretsMarkedPlain() {
      assertThat(cipher.encrypts()).isFalse();
      assertThat(cipher.keyId()).isEmpty();
      assertThat(cipher.seal(SECRET)).isEqualTo("plain:" + SECRET);
      assertThat(cipher.open(cipher.seal(SECRET))).isEqualTo(SECRET);
    }

    @Test
    void cannotOpenASealedSecret() {
      String sealed = cipher(KEY).seal(SECRET);

      assertThatThrownBy(() -> cipher.open(sealed))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("secret-key")
          .hasMessageContaining(KEY.kid());
    }
  }

  @Nested
  class Opening {

    private final String sealed = cipher(KEY).seal(SECRET);

    @Test
    void underAnotherKeyFailsWithoutTellingTheSecret() throws Exception {
      assertThatThrownBy(() -> cipher(OTHER_KEY).open(sealed))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageNotContaining(SECRET)
          .hasNoCause();
      String legacy = legacySealed(1, SECRET);
      assertThatThrownBy(() -> cipher(OTHER_KEY).open(legacy))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageNotContaining(SECRET);
    }

    @Test
    void forAnotherPurposeFails() {
      SecretCipher other = SecretCipher.of("x", SealContext.of("other"), KEY, List.of());

      assertThatThrownBy(() -> other.open(sealed)).isInstanceOf(IllegalStateException.class);
    }

    @ParameterizedTest
    @ValueSource(
        strings = {"v1:", "v1:AAAA", "v1:not base64!", "v2:AAAA", "whsec_raw", "sealed:1:x"})
    void aMalformedStoredValueFails(String stored) {
      assertThatThrownBy(() -> cipher(KEY).open(stored)).isInstanceOf(IllegalStateException.class);
    }
  }
}

package io.kcuserdata.core.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SealingKeyTest {

  @Nested
  class AnOperatorKey {

    @Test
    void isNamedByADigestThatNeverShowsTheKey() {
      String base64 = TestKeys.base64(1, 32);
      SealingKey key = SealingKey.operator(base64, "secret-key");

      assertThat(key.kid()).matches("op-[0-9a-f]{16}");
      assertThat(key.isOperatorKey()).isTrue();
      assertThat(key.toString()).doesNotContain(base64).contains(key.kid());
    }

    @Test
    void hasTheSameIdOnEveryNodeAndAnotherThanOtherKeys() {
      assertThat(TestKeys.operator(1).kid()).isEqualTo(TestKeys.operator(1).kid());
      assertThat(TestKeys.operator(1).kid()).isNotEqualTo(TestKeys.operator(2).kid());
    }

    @Test
    void acceptsSurroundingWhitespace() {
      assertThat(SealingKey.operator(" " + TestKeys.base64(1, 32) + "\n", "secret-key"))
          .isEqualTo(TestKeys.operator(1));
    }

    @Test
    void thatIsNotBase64IsRefusedNamingTheOptionWithoutQuotingIt() {
      String notBase64 = "this-is-not-base64-but-a-secret!";

      assertThatThrownBy(
              () -> SealingKey.operator(notBase64, "--spi-userdata--default--secret-key"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("--spi-userdata--default--secret-key is not base64")
          .hasNoCause();
    }

    @ParameterizedTest
    @ValueSource(ints = {16, 24, 31, 33, 64})
    void ofTheWrongLengthIsRefusedWithoutQuotingIt(int bytes) {
      String wrongLength = TestKeys.base64(3, bytes);

      assertThatThrownBy(() -> SealingKey.operator(wrongLength, "secret-key"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("32 bytes")
          .hasMessageNotContaining(wrongLength);
    }
  }

  @Test
  void aRealmKeyIsNamedByItsKeycloakKid() {
    SealingKey key = SealingKey.realm("5b0c-kid", TestKeys.bytes(1, 16));

    assertThat(key.kid()).isEqualTo("aes-5b0c-kid");
    assertThat(key.isOperatorKey()).isFalse();
  }

  @Test
  void derivesAnotherKeyForEachUseAndNeverUsesTheMaterialItself() {
    SealingKey key = TestKeys.operator(1);

    assertThat(key.sealKey().getEncoded())
        .hasSize(32)
        .isNotEqualTo(key.macKey().getEncoded())
        .isNotEqualTo(key.rawAesKey().getEncoded());
  }
}

package io.kcuserdata.admin.passwords;

import static io.kcuserdata.admin.passwords.PasswordHashJson.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.keycloak.models.credential.PasswordCredentialModel;

class ImportedPbkdf2HashTest {

  private static final byte[] SALT = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
  private static final String SALT_B64 = Base64.getEncoder().encodeToString(SALT);

  private static byte[] pbkdf2(String jcaName, String password, byte[] salt, int iterations)
      throws Exception {
    return SecretKeyFactory.getInstance(jcaName)
        .generateSecret(new PBEKeySpec(password.toCharArray(), salt, iterations, 512))
        .getEncoded();
  }

  private static void assertRefused(JsonNode hash, String messageStart) {
    assertThatThrownBy(() -> ImportedPasswordHash.parse(hash))
        .isInstanceOf(InvalidPasswordHashException.class)
        .hasMessageStartingWith(messageStart);
  }

  @Nested
  class AWellFormedHash {

    @ParameterizedTest
    @CsvSource({
      "pbkdf2, PBKDF2WithHmacSHA1",
      "pbkdf2-sha256, PBKDF2WithHmacSHA256",
      "pbkdf2-sha512, PBKDF2WithHmacSHA512"
    })
    void keepsKeycloaksAlgorithmIdAndStoresWhatKeycloakWouldCompute(String id, String jca)
        throws Exception {
      byte[] key = pbkdf2(jca, "secret", SALT, 1000);
      String unpadded = Base64.getEncoder().withoutPadding().encodeToString(key);

      PasswordCredentialModel model =
          ImportedPasswordHash.parse(
              of("algorithm", id, "value", unpadded, "salt", SALT_B64, "iterations", 1000));

      assertThat(model.getPasswordCredentialData().getAlgorithm()).isEqualTo(id);
      assertThat(model.getPasswordCredentialData().getHashIterations()).isEqualTo(1000);
      assertThat(model.getPasswordSecretData().getSalt()).isEqualTo(SALT);
      // Keycloak's verifier re-derives with the stored salt/iterations and compares padded base64.
      assertThat(model.getPasswordSecretData().getValue())
          .isEqualTo(Base64.getEncoder().encodeToString(pbkdf2(jca, "secret", SALT, 1000)));
    }
  }

  @Nested
  class AMalformedHash {

    private final String value = Base64.getEncoder().encodeToString(new byte[64]);

    @Test
    void needsASaltOfEightTo1024Bytes() {
      assertRefused(
          of("algorithm", "pbkdf2-sha256", "value", value, "iterations", 1),
          "password_hash.salt is required");
      assertRefused(
          of("algorithm", "pbkdf2-sha256", "value", value, "salt", "c2FsdA==", "iterations", 1),
          "password_hash.salt must decode to 8 to 1024 bytes");
      assertRefused(
          of("algorithm", "pbkdf2-sha256", "value", value, "salt", "not base64!", "iterations", 1),
          "password_hash.salt must be standard base64");
    }

    @Test
    void needsAPositiveIntegerIterationCount() {
      for (Object iterations :
          new Object[] {"1000", 1.5, 0, new BigInteger("99999999999999999999")}) {
        JsonNode hash =
            of("algorithm", "pbkdf2", "value", value, "salt", SALT_B64, "iterations", iterations);
        assertThatThrownBy(() -> ImportedPasswordHash.parse(hash))
            .isInstanceOf(InvalidPasswordHashException.class)
            .hasMessageStartingWith("password_hash.iterations must be");
      }
      assertRefused(
          of("algorithm", "pbkdf2", "value", value, "salt", SALT_B64),
          "password_hash.iterations is required");
    }

    @Test
    void needsABase64DerivedKeyOfFourTo1024Bytes() {
      assertRefused(
          of("algorithm", "pbkdf2-sha512", "value", "AAA", "salt", SALT_B64, "iterations", 1),
          "password_hash.value must decode to 4 to 1024 bytes");
      assertRefused(
          of("algorithm", "pbkdf2-sha512", "value", "A-_A", "salt", SALT_B64, "iterations", 1),
          "password_hash.value must be standard base64");
    }
  }
}

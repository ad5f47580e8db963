package io.kcuserdata.admin.passwords;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.keycloak.models.credential.PasswordCredentialModel;

class BcryptPasswordHashProviderTest {

  private static final byte[] SALT = "sixteen byte sal".getBytes(StandardCharsets.US_ASCII);

  private final BcryptPasswordHashProvider provider =
      new BcryptPasswordHashProvider(new SecureRandom());

  private static PasswordCredentialModel stored(String hash) {
    return BcryptPasswordHashProvider.credentialOf(hash, 4);
  }

  private static String bcrypt(String version, byte[] password) {
    return OpenBSDBCrypt.generate(version, password, SALT, 4);
  }

  @Nested
  class Verification {

    @ParameterizedTest
    @ValueSource(strings = {"2b", "2y", "2a"})
    void verifiesAHashMadeBy2bAnd2yAnd2a(String version) {
      PasswordCredentialModel credential = stored(bcrypt(version, "s3cret!".getBytes()));

      assertThat(provider.verify("s3cret!", credential)).isTrue();
      assertThat(provider.verify("s3cret?", credential)).isFalse();
    }

    @Test
    void verifiesTheOpenwallReferenceVector() {
      PasswordCredentialModel credential =
          stored("$2a$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW");

      assertThat(provider.verify("U*U", credential)).isTrue();
      assertThat(provider.verify("U*V", credential)).isFalse();
    }

    @Test
    void ignoresEverythingAfterThe72ndUtf8ByteLikeNodeBcrypt() {
      String first72 = "a".repeat(72);
      PasswordCredentialModel credential = stored(bcrypt("2b", first72.getBytes()));

      assertThat(provider.verify(first72 + "anything else", credential)).isTrue();
      assertThat(provider.verify("a".repeat(71), credential)).isFalse();
    }

    @Test
    void cutsAtTheByteNotTheCharacterWhenTheLimitSplitsOne() {
      String password = "a".repeat(71) + "é"; // é is two bytes in UTF-8: 73 bytes in all
      byte[] seventyTwo = Arrays.copyOf(password.getBytes(StandardCharsets.UTF_8), 72);
      PasswordCredentialModel credential = stored(bcrypt("2b", seventyTwo));

      assertThat(provider.verify(password, credential)).isTrue();
      assertThat(provider.verify("a".repeat(71) + "è", credential)).isTrue();
      assertThat(provider.verify("a".repeat(71) + "b", credential)).isFalse();
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(
        strings = {
          "",
          "garbage",
          "$2b$04$short",
          "$2x$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW",
          "$2a$99$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW",
          "$2a$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOe!",
          "$2a$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW\n"
        })
    void neverThrowsOnAMalformedStoredHash(String value) {
      PasswordCredentialModel credential = stored(value);

      assertThatCode(() -> assertThat(provider.verify("U*U", credential)).isFalse())
          .doesNotThrowAnyException();
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = "")
    void refusesAMissingOrEmptyPassword(String password) {
      assertThat(provider.verify(password, stored(bcrypt("2b", new byte[0])))).isFalse();
    }
  }

  @Nested
  class TheCostCeiling {

    private final RefusedHashLog log = new RefusedHashLog();
    private final BcryptPasswordHashProvider capped =
        new BcryptPasswordHashProvider(new SecureRandom(), 5, log);

    private PasswordCredentialModel storedWithCost(int cost) {
      String hash = OpenBSDBCrypt.generate("2b", "s3cret!".getBytes(), SALT, cost);
      return BcryptPasswordHashProvider.credentialOf(hash, cost);
    }

    @Test
    void verifiesAStoredHashAtTheCeiling() {
      assertThat(capped.verify("s3cret!", storedWithCost(5))).isTrue();
    }

    @Test
    void failsAStoredHashJustAboveTheCeilingEvenWithTheRightPassword() {
      assertThat(capped.verify("s3cret!", storedWithCost(6))).isFalse();
    }

    @Test
    void failsACost31HashWithoutComputingIt() {
      // Computing it would take about a day and a half: the test would never end.
      PasswordCredentialModel cost31 =
          BcryptPasswordHashProvider.credentialOf("$2b$31$" + ".".repeat(53), 31);

      assertThat(provider.verify("anything", cost31)).isFalse();
    }

    @Test
    void logsARefusedCredentialOnceNotOnEveryAttempt() {
      PasswordCredentialModel over = storedWithCost(6);
      over.setId("credential-1");

      capped.verify("s3cret!", over);
      capped.verify("s3cret!", over);

      assertThat(log.report("credential-1", "bcrypt", "cost 6", 5, "max-bcrypt-cost")).isFalse();
      assertThat(log.report("credential-2", "bcrypt", "cost 6", 5, "max-bcrypt-cost")).isTrue();
    }
  }

  @Nested
  class Encoding {

    @Test
    void producesA2bCredentialThatVerifies() {
      PasswordCredentialModel credential = provider.encodedCredential("correct horse", 4);

      assertThat(credential.getPasswordSecretData().getValue()).startsWith("$2b$04$").hasSize(60);
      assertThat(credential.getPasswordSecretData().getSalt()).isEmpty();
      assertThat(credential.getPasswordCredentialData().getAlgorithm()).isEqualTo("bcrypt");
      assertThat(credential.getPasswordCredentialData().getHashIterations()).isEqualTo(4);
      assertThat(provider.verify("correct horse", credential)).isTrue();
      assertThat(provider.verify("correct horse!", credential)).isFalse();
    }

    @Test
    void drawsAFreshSaltForEveryCredential() {
      assertThat(provider.encodedCredential("same", 4).getPasswordSecretData().getValue())
          .isNotEqualTo(provider.encodedCredential("same", 4).getPasswordSecretData().getValue());
    }

    @Test
    void usesTheRequestedIterationsAsTheCostOnlyWithinFourToThirtyOne() {
      assertThat(BcryptPasswordHashProvider.effectiveCost(4, 31)).isEqualTo(4);
      assertThat(BcryptPasswordHashProvider.effectiveCost(31, 31)).isEqualTo(31);
      assertThat(BcryptPasswordHashProvider.effectiveCost(-1, 31)).isEqualTo(12);
      assertThat(BcryptPasswordHashProvider.effectiveCost(3, 31)).isEqualTo(12);
      assertThat(BcryptPasswordHashProvider.effectiveCost(32, 31)).isEqualTo(12);
      assertThat(BcryptPasswordHashProvider.effectiveCost(210_000, 31)).isEqualTo(12);
    }

    @Test
    void neverMakesAHashAboveTheCeilingItWouldRefuseToVerify() {
      assertThat(BcryptPasswordHashProvider.effectiveCost(14, 13)).isEqualTo(13);
      assertThat(BcryptPasswordHashProvider.effectiveCost(-1, 10)).isEqualTo(10);
      assertThat(BcryptPasswordHashProvider.effectiveCost(13, 13)).isEqualTo(13);
    }

    @Test
    void fallsBackToTheDefaultCostForAnUnsetPolicy() {
      PasswordCredentialModel credential = provider.encodedCredential("pw", -1);

      assertThat(credential.getPasswordSecretData().getValue()).startsWith("$2b$12$");
      assertThat(credential.getPasswordCredentialData().getHashIterations()).isEqualTo(12);
    }

    @Test
    void reportsTheCostAsTheHashingStrength() {
      assertThat(provider.credentialHashingStrength(provider.encodedCredential("pw", 5)))
          .isEqualTo("bcrypt-5");
    }
  }
}

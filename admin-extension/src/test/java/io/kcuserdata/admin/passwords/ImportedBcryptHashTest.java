package io.kcuserdata.admin.passwords;

import static io.kcuserdata.admin.passwords.PasswordHashJson.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.keycloak.models.credential.PasswordCredentialModel;

class ImportedBcryptHashTest {

  private static final String TAIL = "CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW";
  private static final String HASH = "$2y$05$" + TAIL;

  @Nested
  class AWellFormedHash {

    @Test
    void becomesACredentialHoldingTheWholeStringWithTheCostAsIterations() {
      PasswordCredentialModel model =
          ImportedPasswordHash.parse(of("algorithm", "bcrypt", "value", HASH));

      assertThat(model.getType()).isEqualTo(PasswordCredentialModel.TYPE);
      assertThat(model.getPasswordCredentialData().getAlgorithm()).isEqualTo("bcrypt");
      assertThat(model.getPasswordCredentialData().getHashIterations()).isEqualTo(5);
      assertThat(model.getPasswordSecretData().getValue()).isEqualTo(HASH);
      assertThat(model.getPasswordSecretData().getSalt()).isEmpty();
    }

    @Test
    void verifiesThroughTheProviderEvenAfterKeycloakStoresAndReloadsIt() {
      String hash = OpenBSDBCrypt.generate("2a", "from auth0".getBytes(), new byte[16], 4);
      PasswordCredentialModel reloaded =
          PasswordCredentialModel.createFromCredentialModel(
              ImportedPasswordHash.parse(of("algorithm", "bcrypt", "value", hash)));

      BcryptPasswordHashProvider provider = new BcryptPasswordHashProvider(new SecureRandom());
      assertThat(provider.verify("from auth0", reloaded)).isTrue();
      assertThat(provider.verify("from auth1", reloaded)).isFalse();
    }

    @Test
    void acceptsIterationsOnlyWhenTheyRepeatTheCost() {
      assertThat(
              ImportedPasswordHash.parse(of("algorithm", "bcrypt", "value", HASH, "iterations", 5)))
          .isNotNull();
      assertThatThrownBy(
              () ->
                  ImportedPasswordHash.parse(
                      of("algorithm", "bcrypt", "value", HASH, "iterations", 10)))
          .isInstanceOf(InvalidPasswordHashException.class)
          .hasMessageStartingWith("password_hash.iterations ");
    }
  }

  @Nested
  class AMalformedHash {

    @ParameterizedTest
    @ValueSource(
        strings = {
          "$2x$05$" + TAIL,
          "$2$05$" + TAIL,
          "$2b$03$" + TAIL,
          "$2b$32$" + TAIL,
          "$2b$5$" + TAIL,
          "$2b$05$" + TAIL + "C",
          "$2b$05$!CCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW",
          "$2b$05$" + TAIL + "\n",
          " $2b$05$" + TAIL
        })
    void isRefusedNamingTheValueField(String value) {
      assertThatThrownBy(
              () -> ImportedPasswordHash.parse(of("algorithm", "bcrypt", "value", value)))
          .isInstanceOf(InvalidPasswordHashException.class)
          .hasMessageStartingWith("password_hash.value must be a bcrypt string");
    }

    @Test
    void mayNotComeWithASeparateSalt() {
      assertThatThrownBy(
              () ->
                  ImportedPasswordHash.parse(
                      of("algorithm", "bcrypt", "value", HASH, "salt", "c29tZXNhbHQ=")))
          .isInstanceOf(InvalidPasswordHashException.class)
          .hasMessageStartingWith("password_hash.salt is only allowed for pbkdf2");
    }
  }
}

package io.kcuserdata.admin.passwords;

import static io.kcuserdata.admin.passwords.PasswordHashJson.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ImportedArgon2HashRejectionsTest {

  private static final String SALT = "c29tZXNhbHQ"; // 8 bytes
  private static final String HASH = "AAAAAA"; // 4 bytes

  private static void assertRefused(String phc, String messageStart) {
    assertThatThrownBy(() -> ImportedPasswordHash.parse(of("algorithm", "argon2", "value", phc)))
        .isInstanceOf(InvalidPasswordHashException.class)
        .hasMessageStartingWith(messageStart);
  }

  @Nested
  class TheShape {

    @ParameterizedTest
    @ValueSource(
        strings = {
          "$argon2x$v=19$m=64,t=1,p=1$" + SALT + "$" + HASH,
          "$argon2id$v=19$t=1,m=64,p=1$" + SALT + "$" + HASH,
          "$argon2id$v=19$m=64,t=1,p=1,keyid=k$" + SALT + "$" + HASH,
          "$argon2id$v=19$m=64,t=1,p=1$" + SALT,
          "$argon2id$v=19$m=64,t=1,p=1$" + SALT + "$" + HASH + "\n",
          "$argon2id$v=19$m=64,t=1,p=1$c29tZX-hbHQ$" + HASH,
          "$argon2id$v=19$m=12345678901,t=1,p=1$" + SALT + "$" + HASH,
          "argon2id$v=19$m=64,t=1,p=1$" + SALT + "$" + HASH
        })
    void refusesAnythingButAPhcStringWithMThenTThenP(String phc) {
      assertRefused(phc, "password_hash.value must be an argon2 PHC string");
    }
  }

  @Nested
  class TheParameters {

    @ParameterizedTest
    @CsvSource({
      "'$argon2id$v=18$m=64,t=1,p=1$', 'password_hash.value argon2 version v= must be 16 or 19'",
      "'$argon2id$v=19$m=64,t=1,p=0$', 'password_hash.value p (parallelism) must be at least 1'",
      "'$argon2id$v=19$m=15,t=1,p=2$', 'password_hash.value m (memory KiB) must be at least 16'",
      "'$argon2id$v=19$m=7,t=1,p=1$', 'password_hash.value m (memory KiB) must be at least 8'",
      "'$argon2id$v=19$m=64,t=0,p=1$', 'password_hash.value t (iterations) must be at least 1'"
    })
    void needsTheLowerBoundsOfTheArgon2Spec(String prefix, String message) {
      assertRefused(prefix + SALT + "$" + HASH, message);
    }

    @Test
    void acceptsTheLowerBoundsOfEveryParameter() {
      assertThat(
              ImportedPasswordHash.parse(
                  of(
                      "algorithm",
                      "argon2",
                      "value",
                      "$argon2id$v=19$m=8,t=1,p=1$" + SALT + "$" + HASH)))
          .isNotNull();
    }
  }

  @Nested
  class TheSaltAndHash {

    @ParameterizedTest
    @CsvSource({
      "'c29tZXNhbA', 'AAAAAA', 'password_hash.value salt must decode to 8 to 1024 bytes'",
      "'" + SALT + "', 'AAAA', 'password_hash.value hash must decode to 4 to 1024 bytes'",
      "'A', 'AAAAAA', 'password_hash.value salt must be standard base64'",
      "'" + SALT + "', 'AAAAA', 'password_hash.value hash must be standard base64'"
    })
    void boundsSaltAndHashLengthsAndTheirEncoding(String salt, String hash, String message) {
      assertRefused("$argon2id$v=19$m=64,t=1,p=1$" + salt + "$" + hash, message);
    }
  }

  @Nested
  class TheOtherFields {

    @Test
    void refusesASeparateSaltAndIterationsThatContradictT() {
      String phc = "$argon2id$v=19$m=64,t=3,p=1$" + SALT + "$" + HASH;

      assertThatThrownBy(
              () ->
                  ImportedPasswordHash.parse(of("algorithm", "argon2", "value", phc, "salt", SALT)))
          .hasMessageStartingWith("password_hash.salt is only allowed for pbkdf2");
      assertThatThrownBy(
              () ->
                  ImportedPasswordHash.parse(
                      of("algorithm", "argon2", "value", phc, "iterations", 2)))
          .hasMessageStartingWith("password_hash.iterations ");
      assertThat(
              ImportedPasswordHash.parse(of("algorithm", "argon2", "value", phc, "iterations", 3)))
          .isNotNull();
    }
  }
}

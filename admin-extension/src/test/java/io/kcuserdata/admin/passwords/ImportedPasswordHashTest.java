package io.kcuserdata.admin.passwords;

import static io.kcuserdata.admin.passwords.PasswordHashJson.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ImportedPasswordHashTest {

  private static void assertRefused(JsonNode hash, String message) {
    assertThatThrownBy(() -> ImportedPasswordHash.parse(hash))
        .isInstanceOf(InvalidPasswordHashException.class)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }

  @Nested
  class TheEnvelope {

    @Test
    void mustBeAJsonObject() {
      assertRefused(null, "password_hash must be a JSON object");
      assertRefused(PasswordHashJson.parse("[]"), "password_hash must be a JSON object");
      assertRefused(PasswordHashJson.parse("\"$2b$\""), "password_hash must be a JSON object");
    }

    @Test
    void refusesAnUnknownAlgorithmNamingTheSupportedOnes() {
      assertRefused(
          of("algorithm", "md5", "value", "x"),
          "password_hash.algorithm must be one of"
              + " bcrypt, argon2, pbkdf2, pbkdf2-sha256, pbkdf2-sha512");
      assertRefused(
          of("algorithm", "BCRYPT", "value", "x"),
          "password_hash.algorithm must be one of"
              + " bcrypt, argon2, pbkdf2, pbkdf2-sha256, pbkdf2-sha512");
    }

    @Test
    void namesAMissingOrMistypedField() {
      assertRefused(of("value", "x"), "password_hash.algorithm is required");
      assertRefused(of("algorithm", null, "value", "x"), "password_hash.algorithm is required");
      assertRefused(of("algorithm", 3, "value", "x"), "password_hash.algorithm must be a string");
      assertRefused(of("algorithm", "bcrypt"), "password_hash.value is required");
      assertRefused(of("algorithm", "argon2", "value", 7), "password_hash.value must be a string");
      assertRefused(
          of("algorithm", "argon2", "value", ""), "password_hash.value must not be empty");
      assertRefused(
          of("algorithm", "pbkdf2", "value", "A".repeat(4097)),
          "password_hash.value must be at most 4096 characters");
    }
  }

  @Nested
  class AnError {

    static Stream<Arguments> hostileInputs() {
      String salt = "U2VjcmV0U2FsdFNlY3JldA";
      return Stream.of(
          Arguments.of(of("algorithm", "bcrypt", "value", "$2b$05$SECRETSECRETSECRET")),
          Arguments.of(
              of("algorithm", "bcrypt", "value", "$2b$05$" + "S".repeat(53), "salt", salt)),
          Arguments.of(of("algorithm", "argon2", "value", "$argon2id$v=19$m=64,t=1,p=1$SECRET")),
          Arguments.of(
              of(
                  "algorithm",
                  "argon2",
                  "value",
                  "$argon2id$v=17$m=64,t=1,p=1$" + salt + "$SECRET")),
          Arguments.of(
              of("algorithm", "argon2", "value", "$argon2id$m=64,t=1,p=1$" + salt + "$AA")),
          Arguments.of(
              of(
                  "algorithm",
                  "pbkdf2",
                  "value",
                  "SECRETSECRET",
                  "salt",
                  "U2VjcmV0",
                  "iterations",
                  1)),
          Arguments.of(
              of("algorithm", "pbkdf2", "value", "SECRET!", "salt", salt, "iterations", 1)));
    }

    @ParameterizedTest
    @MethodSource("hostileInputs")
    void neverEchoesTheHashInAnError(JsonNode hash) {
      assertThatThrownBy(() -> ImportedPasswordHash.parse(hash))
          .isInstanceOf(InvalidPasswordHashException.class)
          .satisfies(
              e ->
                  assertThat(e.getMessage())
                      .doesNotContain("SECRET")
                      .doesNotContain("U2VjcmV0")
                      .startsWith("password_hash."));
    }
  }
}

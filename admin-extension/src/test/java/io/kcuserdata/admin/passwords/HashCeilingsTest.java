package io.kcuserdata.admin.passwords;

import static io.kcuserdata.admin.passwords.PasswordHashJson.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.kcuserdata.admin.testing.MapScope;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HashCeilingsTest {

  private static final String SALT = "c29tZXNhbHQ"; // 8 bytes
  private static final String HASH = "AAAAAA"; // 4 bytes
  private static final String BCRYPT_BODY = "CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW";

  private static JsonNode bcrypt(int cost) {
    return of("algorithm", "bcrypt", "value", String.format("$2b$%02d$%s", cost, BCRYPT_BODY));
  }

  private static JsonNode argon2(long memory, long iterations, long parallelism) {
    return of(
        "algorithm",
        "argon2",
        "value",
        "$argon2id$v=19$m="
            + memory
            + ",t="
            + iterations
            + ",p="
            + parallelism
            + "$"
            + SALT
            + "$"
            + HASH);
  }

  private static JsonNode pbkdf2(long iterations) {
    return of(
        "algorithm",
        "pbkdf2-sha256",
        "value",
        Base64.getEncoder().encodeToString(new byte[32]),
        "salt",
        Base64.getEncoder().encodeToString(new byte[16]),
        "iterations",
        iterations);
  }

  private static void assertOver(JsonNode hash, String message) {
    assertThatThrownBy(() -> ImportedPasswordHash.parse(hash, HashCeilings.DEFAULTS))
        .isInstanceOf(InvalidPasswordHashException.class)
        .hasMessage(message);
  }

  private static void assertAccepted(JsonNode hash) {
    assertThat(ImportedPasswordHash.parse(hash, HashCeilings.DEFAULTS)).isNotNull();
  }

  @Nested
  class ByDefault {

    @Test
    void bcryptAcceptsCost13AndRefusesCost14NamingTheLimitAndOption() {
      assertAccepted(bcrypt(13));
      assertOver(
          bcrypt(14), "bcrypt cost 14 is above the limit of 13 (SPI option max-bcrypt-cost)");
    }

    @Test
    void argon2AcceptsAQuarterGibibyteAndRefusesOneKibibyteMore() {
      assertAccepted(argon2(262_144, 4, 1));
      assertOver(
          argon2(262_145, 1, 1),
          "argon2 memory 262145 KiB is above the limit of 262144 KiB (SPI option"
              + " max-argon2-memory)");
    }

    @Test
    void argon2AcceptsLogtosOwnParametersAtTheWorkLimitAndRefusesOnePassMore() {
      // Logto hashes every password with argon2i m=4096 KiB, t=256, p=1.
      assertAccepted(argon2(4096, 256, 1));
      assertOver(
          argon2(4096, 257, 1),
          "argon2 memory x iterations 4096 KiB x 257 = 1052672 is above the limit of 1048576"
              + " (SPI option max-argon2-work)");
    }

    @Test
    void argon2AcceptsSixteenLanesAndRefusesSeventeen() {
      assertAccepted(argon2(4096, 1, 16));
      assertOver(
          argon2(4096, 1, 17),
          "argon2 parallelism 17 is above the limit of 16 (SPI option max-argon2-parallelism)");
    }

    @Test
    void pbkdf2AcceptsTwoMillionIterationsAndRefusesOneMore() {
      assertAccepted(pbkdf2(2_000_000));
      assertOver(
          pbkdf2(2_000_001),
          "pbkdf2 iterations 2000001 is above the limit of 2000000 (SPI option"
              + " max-pbkdf2-iterations)");
    }
  }

  @Nested
  class TheHashesThatTieUpAThreadForHours {

    @Test
    void bcryptCost31IsRefused() {
      assertOver(
          of("algorithm", "bcrypt", "value", "$2b$31$" + ".".repeat(53)),
          "bcrypt cost 31 is above the limit of 13 (SPI option max-bcrypt-cost)");
    }

    @Test
    void argon2WithAGibibyteAndAHundredPassesIsRefused() {
      assertOver(
          argon2(1_048_576, 100, 1),
          "argon2 memory 1048576 KiB is above the limit of 262144 KiB (SPI option"
              + " max-argon2-memory)");
    }

    @Test
    void argon2WithTenDigitParametersIsRefusedWithoutOverflowing() {
      assertOver(
          argon2(262_144, 9_999_999_999L, 1),
          "argon2 memory x iterations 262144 KiB x 9999999999 = 2621439999737856 is above the"
              + " limit of 1048576 (SPI option max-argon2-work)");
    }

    @Test
    void pbkdf2WithThreeMillionIterationsIsRefused() {
      assertOver(
          pbkdf2(3_000_000),
          "pbkdf2 iterations 3000000 is above the limit of 2000000 (SPI option"
              + " max-pbkdf2-iterations)");
    }
  }

  @Nested
  class RaisedByAnOperator {

    private final HashCeilings raised =
        HashCeilings.read(
            new MapScope(
                Map.of(
                    "max-bcrypt-cost", "14",
                    "max-argon2-memory", "1048576",
                    "max-argon2-work", "104857600",
                    "max-argon2-parallelism", "64",
                    "max-pbkdf2-iterations", "3000000")));

    @Test
    void acceptWhatTheDefaultsRefuse() {
      assertThat(ImportedPasswordHash.parse(bcrypt(14), raised)).isNotNull();
      assertThat(ImportedPasswordHash.parse(argon2(1_048_576, 100, 64), raised)).isNotNull();
      assertThat(ImportedPasswordHash.parse(pbkdf2(3_000_000), raised)).isNotNull();
    }

    @Test
    void stillRefuseJustAboveTheirNewLimits() {
      assertThatThrownBy(() -> ImportedPasswordHash.parse(bcrypt(15), raised))
          .hasMessage("bcrypt cost 15 is above the limit of 14 (SPI option max-bcrypt-cost)");
      assertThatThrownBy(() -> ImportedPasswordHash.parse(pbkdf2(3_000_001), raised))
          .hasMessageContaining("above the limit of 3000000");
    }
  }

  @Nested
  class TheOptions {

    @Test
    void defaultToTheDocumentedCeilings() {
      assertThat(HashCeilings.read(new MapScope(Map.of()))).isEqualTo(HashCeilings.DEFAULTS);
      assertThat(HashCeilings.DEFAULTS.describe())
          .containsEntry("max-bcrypt-cost", "13")
          .containsEntry("max-argon2-memory", "262144")
          .containsEntry("max-argon2-work", "1048576")
          .containsEntry("max-argon2-parallelism", "16")
          .containsEntry("max-pbkdf2-iterations", "2000000");
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "max-bcrypt-cost=32",
          "max-bcrypt-cost=3",
          "max-argon2-memory=1048577",
          "max-argon2-work=7",
          "max-argon2-parallelism=256",
          "max-pbkdf2-iterations=10000001",
          "max-pbkdf2-iterations=lots"
        })
    void refuseAValueOutOfRangeNamingTheProviderAndOption(String option) {
      String[] pair = option.split("=");

      assertThatThrownBy(() -> HashCeilings.read(new MapScope(Map.of(pair[0], pair[1]))))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("admin-realm-restapi-extension/user-data: " + pair[0] + " must")
          .hasMessageEndingWith("not '" + pair[1] + "'");
    }
  }
}

package io.kcuserdata.admin.passwords;

import static io.kcuserdata.admin.passwords.PasswordHashJson.of;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.keycloak.models.credential.PasswordCredentialModel;

class ImportedArgon2HashTest {

  // The argon2 reference implementation's README example: password "password", salt "somesalt".
  private static final String REFERENCE =
      "$argon2i$v=19$m=65536,t=2,p=4$c29tZXNhbHQ$RdescudvJCsgt3ub+b+dWRWJTmaaJObG";

  private static PasswordCredentialModel parse(String phc) {
    return ImportedPasswordHash.parse(of("algorithm", "argon2", "value", phc));
  }

  @Nested
  class AWellFormedPhcString {

    @Test
    void fillsExactlyTheFieldsKeycloaksArgon2ProviderReads() {
      PasswordCredentialModel model = parse(REFERENCE);

      assertThat(model.getPasswordCredentialData().getAlgorithm()).isEqualTo("argon2");
      assertThat(model.getPasswordCredentialData().getHashIterations()).isEqualTo(2);
      assertThat(model.getPasswordCredentialData().getAdditionalParameters())
          .containsOnlyKeys("type", "version", "hashLength", "memory", "parallelism");
      assertThat(model.getPasswordCredentialData().getAdditionalParameters().getFirst("type"))
          .isEqualTo("i");
      assertThat(model.getPasswordCredentialData().getAdditionalParameters())
          .containsEntry("version", List.of("1.3"))
          .containsEntry("hashLength", List.of("24"))
          .containsEntry("memory", List.of("65536"))
          .containsEntry("parallelism", List.of("4"));
      assertThat(model.getPasswordSecretData().getSalt())
          .isEqualTo("somesalt".getBytes(StandardCharsets.US_ASCII));
      assertThat(model.getPasswordSecretData().getValue())
          .isEqualTo("RdescudvJCsgt3ub+b+dWRWJTmaaJObG");
    }

    @Test
    void verifiesTheReferenceVectorTheWayKeycloakDoesAfterStoringIt() {
      PasswordCredentialModel reloaded =
          PasswordCredentialModel.createFromCredentialModel(parse(REFERENCE));

      assertThat(KeycloakArgon2Verifier.verify("password", reloaded)).isTrue();
      assertThat(KeycloakArgon2Verifier.verify("Password", reloaded)).isFalse();
    }

    @Test
    void storesTheBouncyCastleOutputAsPaddedBase64() {
      byte[] salt = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
      byte[] hash = new byte[32]; // 32 bytes is where padded and unpadded base64 differ
      Argon2BytesGenerator generator = new Argon2BytesGenerator();
      generator.init(
          new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
              .withVersion(Argon2Parameters.ARGON2_VERSION_13)
              .withSalt(salt)
              .withMemoryAsKB(1024)
              .withIterations(2)
              .withParallelism(2)
              .build());
      generator.generateBytes("secret".toCharArray(), hash);
      Base64.Encoder phc = Base64.getEncoder().withoutPadding();

      PasswordCredentialModel model =
          parse(
              "$argon2id$v=19$m=1024,t=2,p=2$"
                  + phc.encodeToString(salt)
                  + "$"
                  + phc.encodeToString(hash));

      assertThat(model.getPasswordSecretData().getValue())
          .isEqualTo(Base64.getEncoder().encodeToString(hash))
          .endsWith("=");
      assertThat(KeycloakArgon2Verifier.verify("secret", model)).isTrue();
    }

    @ParameterizedTest
    @CsvSource({
      "'$argon2id$v=19$m=64,t=1,p=1$c29tZXNhbHQ$AAAAAA', id, 1.3",
      "'$argon2d$v=16$m=64,t=1,p=1$c29tZXNhbHQ$AAAAAA', d, 1.0",
      "'$argon2i$m=64,t=1,p=1$c29tZXNhbHQ$AAAAAA', i, 1.0",
      "'$argon2id$v=19$m=64,t=1,p=1$c29tZXNhbHQ=$AAAAAA==', id, 1.3"
    })
    void mapsTypeAndVersionAndReadsOptionalVersionAsSixteen(String phc, String type, String v) {
      PasswordCredentialModel model = parse(phc);

      assertThat(model.getPasswordCredentialData().getAdditionalParameters().getFirst("type"))
          .isEqualTo(type);
      assertThat(model.getPasswordCredentialData().getAdditionalParameters().getFirst("version"))
          .isEqualTo(v);
      assertThat(model.getPasswordSecretData().getValue()).isEqualTo("AAAAAA==");
    }
  }
}

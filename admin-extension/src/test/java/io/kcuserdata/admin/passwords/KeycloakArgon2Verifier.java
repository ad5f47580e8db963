package io.kcuserdata.admin.passwords;

import java.util.Base64;
import java.util.Map;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.keycloak.common.util.MultivaluedHashMap;
import org.keycloak.models.credential.PasswordCredentialModel;

/**
 * What Keycloak 26's {@code org.keycloak.crypto.hash.Argon2PasswordHashProvider#verify} does with a
 * stored credential (that class ships in keycloak-crypto-default, which is not on our test
 * classpath): rebuild the BouncyCastle parameters from the credential and compare its padded base64
 * output with the stored value as a string.
 */
final class KeycloakArgon2Verifier {

  private static final Map<String, Integer> TYPES =
      Map.of(
          "id", Argon2Parameters.ARGON2_id,
          "i", Argon2Parameters.ARGON2_i,
          "d", Argon2Parameters.ARGON2_d);
  private static final Map<String, Integer> VERSIONS =
      Map.of("1.3", Argon2Parameters.ARGON2_VERSION_13, "1.0", Argon2Parameters.ARGON2_VERSION_10);

  private KeycloakArgon2Verifier() {}

  static boolean verify(String rawPassword, PasswordCredentialModel credential) {
    MultivaluedHashMap<String, String> p =
        credential.getPasswordCredentialData().getAdditionalParameters();
    Argon2Parameters parameters =
        new Argon2Parameters.Builder(TYPES.get(p.getFirst("type")))
            .withVersion(VERSIONS.get(p.getFirst("version")))
            .withSalt(credential.getPasswordSecretData().getSalt())
            .withParallelism(Integer.parseInt(p.getFirst("parallelism")))
            .withMemoryAsKB(Integer.parseInt(p.getFirst("memory")))
            .withIterations(credential.getPasswordCredentialData().getHashIterations())
            .build();
    Argon2BytesGenerator generator = new Argon2BytesGenerator();
    generator.init(parameters);
    byte[] out = new byte[Integer.parseInt(p.getFirst("hashLength"))];
    generator.generateBytes(rawPassword.toCharArray(), out);
    return Base64.getEncoder()
        .encodeToString(out)
        .equals(credential.getPasswordSecretData().getValue());
  }
}

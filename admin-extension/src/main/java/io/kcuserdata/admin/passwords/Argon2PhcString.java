package io.kcuserdata.admin.passwords;

import static io.kcuserdata.admin.passwords.HashFields.atLeast;
import static io.kcuserdata.admin.passwords.HashFields.base64;

import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.keycloak.models.credential.PasswordCredentialModel;

/**
 * Maps an argon2 PHC string ({@code $argon2id$v=19$m=65536,t=3,p=4$salt$hash}) onto the credential
 * layout of Keycloak's built-in {@code argon2} hash provider, so that provider verifies it as is.
 */
final class Argon2PhcString {

  static final String ALGORITHM = "argon2";

  // Keys of Keycloak's Argon2PasswordHashProviderFactory; that class lives in
  // keycloak-crypto-default, which is not on our compile classpath.
  static final String TYPE_KEY = "type";
  static final String VERSION_KEY = "version";
  static final String HASH_LENGTH_KEY = "hashLength";
  static final String MEMORY_KEY = "memory";
  static final String PARALLELISM_KEY = "parallelism";

  // Digit counts are capped so parsing can never overflow a long; range checks come after.
  private static final Pattern PHC =
      Pattern.compile(
          "\\$argon2(id|i|d)(?:\\$v=([0-9]{1,10}))?"
              + "\\$m=([0-9]{1,10}),t=([0-9]{1,10}),p=([0-9]{1,10})"
              + "\\$([A-Za-z0-9+/]+=*)\\$([A-Za-z0-9+/]+=*)");

  private static final String FIELD = "value";

  private Argon2PhcString() {}

  /** The credential for {@code phc}, refused when verifying it would cost more than allowed. */
  static PasswordCredentialModel parse(String phc, HashCeilings ceilings) {
    Matcher m = PHC.matcher(phc);
    if (!m.matches()) {
      throw HashFields.invalid(
          FIELD, "must be an argon2 PHC string like $argon2id$v=19$m=<KiB>,t=<n>,p=<n>$salt$hash");
    }
    String version = version(m.group(2));
    long parallelism = Long.parseLong(m.group(5));
    long memory = Long.parseLong(m.group(3));
    long iterations = Long.parseLong(m.group(4));
    atLeast(FIELD + " p (parallelism)", parallelism, 1);
    atLeast(FIELD + " t (iterations)", iterations, 1);
    ceilings.checkArgon2(memory, iterations, parallelism);
    // The argon2 spec requires at least 8 KiB per lane; the reference code rejects less.
    atLeast(FIELD + " m (memory KiB)", memory, 8 * parallelism);
    byte[] salt =
        base64(FIELD + " salt", m.group(6), HashFields.MIN_SALT_BYTES, HashFields.MAX_SALT_BYTES);
    byte[] hash =
        base64(FIELD + " hash", m.group(7), HashFields.MIN_HASH_BYTES, HashFields.MAX_HASH_BYTES);

    Map<String, List<String>> parameters =
        Map.of(
            TYPE_KEY, List.of(m.group(1)),
            VERSION_KEY, List.of(version),
            HASH_LENGTH_KEY, List.of(Integer.toString(hash.length)),
            MEMORY_KEY, List.of(Long.toString(memory)),
            PARALLELISM_KEY, List.of(Long.toString(parallelism)));
    // Keycloak compares its own Base64.getEncoder() output as a string, so the value must be
    // re-encoded padded; the PHC field's unpadded form would never match.
    return PasswordCredentialModel.createFromValues(
        ALGORITHM, salt, (int) iterations, parameters, Base64.getEncoder().encodeToString(hash));
  }

  // PHC omits v= for the original 1.0 (0x10) release of argon2.
  private static String version(String v) {
    if (v == null || "16".equals(v)) {
      return "1.0";
    }
    if ("19".equals(v)) {
      return "1.3";
    }
    throw HashFields.invalid(FIELD, "argon2 version v= must be 16 or 19");
  }
}

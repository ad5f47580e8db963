package io.kcuserdata.admin.passwords;

import static io.kcuserdata.admin.passwords.HashFields.invalid;
import static io.kcuserdata.admin.passwords.HashFields.isPresent;
import static io.kcuserdata.admin.passwords.HashFields.requiredInt;
import static io.kcuserdata.admin.passwords.HashFields.requiredText;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Base64;
import java.util.List;
import org.keycloak.models.credential.PasswordCredentialModel;

/**
 * Turns the import format's {@code password_hash} object into a Keycloak password credential that
 * the matching hash provider can verify without ever seeing the plain password.
 *
 * <pre>{"algorithm": "bcrypt|argon2|pbkdf2|pbkdf2-sha256|pbkdf2-sha512",
 *  "value": "...", "salt": "base64, pbkdf2 only", "iterations": N}</pre>
 *
 * <p>bcrypt and argon2 carry their salt and parameters inside {@code value}; pbkdf2 needs {@code
 * salt} and {@code iterations}. Input is treated as hostile: every field is type-checked and
 * bounded, and a violation raises {@link InvalidPasswordHashException}.
 */
public final class ImportedPasswordHash {

  /** Keycloak's legacy PBKDF2-HMAC-SHA1 provider id. */
  public static final String PBKDF2 = "pbkdf2";

  /** Keycloak's PBKDF2-HMAC-SHA256 provider id. */
  public static final String PBKDF2_SHA256 = "pbkdf2-sha256";

  /** Keycloak's PBKDF2-HMAC-SHA512 provider id. */
  public static final String PBKDF2_SHA512 = "pbkdf2-sha512";

  /** The accepted values of {@code algorithm}. */
  public static final List<String> SUPPORTED_ALGORITHMS =
      List.of(
          BcryptPasswordHashProviderFactory.ID,
          Argon2PhcString.ALGORITHM,
          PBKDF2,
          PBKDF2_SHA256,
          PBKDF2_SHA512);

  private ImportedPasswordHash() {}

  /** {@link #parse(JsonNode, HashCeilings)} with the default ceilings. */
  public static PasswordCredentialModel parse(JsonNode passwordHash) {
    return parse(passwordHash, HashCeilings.DEFAULTS);
  }

  /**
   * Validates {@code passwordHash} and builds the credential.
   *
   * @throws InvalidPasswordHashException naming the field and rule that was broken, or the ceiling
   *     and its option when verifying the hash would cost more than {@code ceilings} allow
   */
  public static PasswordCredentialModel parse(JsonNode passwordHash, HashCeilings ceilings) {
    if (passwordHash == null || !passwordHash.isObject()) {
      throw new InvalidPasswordHashException("password_hash must be a JSON object");
    }
    String algorithm = requiredText(passwordHash, "algorithm");
    switch (algorithm) {
      case BcryptPasswordHashProviderFactory.ID:
        return bcrypt(passwordHash, ceilings);
      case Argon2PhcString.ALGORITHM:
        return argon2(passwordHash, ceilings);
      case PBKDF2:
      case PBKDF2_SHA256:
      case PBKDF2_SHA512:
        return pbkdf2(algorithm, passwordHash, ceilings);
      default:
        // The rejected name is not echoed: it is attacker-controlled text headed for logs.
        throw invalid("algorithm", "must be one of " + String.join(", ", SUPPORTED_ALGORITHMS));
    }
  }

  private static PasswordCredentialModel bcrypt(JsonNode passwordHash, HashCeilings ceilings) {
    refuseSeparateSalt(passwordHash);
    String value = requiredText(passwordHash, "value");
    int cost = Bcrypt.costOf(value);
    if (cost == -1) {
      throw invalid(
          "value",
          "must be a bcrypt string $2a$/$2b$/$2y$, a two-digit cost 04-31 and 53 characters of"
              + " ./A-Za-z0-9");
    }
    requireMatchingIterations(passwordHash, cost, "the cost in value");
    ceilings.checkBcrypt(cost);
    return BcryptPasswordHashProvider.credentialOf(value, cost);
  }

  private static PasswordCredentialModel argon2(JsonNode passwordHash, HashCeilings ceilings) {
    refuseSeparateSalt(passwordHash);
    PasswordCredentialModel model =
        Argon2PhcString.parse(requiredText(passwordHash, "value"), ceilings);
    requireMatchingIterations(
        passwordHash, model.getPasswordCredentialData().getHashIterations(), "t in value");
    return model;
  }

  private static PasswordCredentialModel pbkdf2(
      String algorithm, JsonNode passwordHash, HashCeilings ceilings) {
    byte[] key =
        HashFields.base64(
            "value",
            requiredText(passwordHash, "value"),
            HashFields.MIN_HASH_BYTES,
            HashFields.MAX_HASH_BYTES);
    byte[] salt =
        HashFields.base64(
            "salt",
            requiredText(passwordHash, "salt"),
            HashFields.MIN_SALT_BYTES,
            HashFields.MAX_SALT_BYTES);
    int iterations = requiredInt(passwordHash, "iterations", 1, Integer.MAX_VALUE);
    ceilings.checkPbkdf2(iterations);
    // Keycloak compares its own padded Base64.getEncoder() output as a string.
    return PasswordCredentialModel.createFromValues(
        algorithm, salt, iterations, Base64.getEncoder().encodeToString(key));
  }

  // A second salt next to the one embedded in value could only be ignored or contradict it.
  private static void refuseSeparateSalt(JsonNode passwordHash) {
    if (isPresent(passwordHash, "salt")) {
      throw invalid("salt", "is only allowed for pbkdf2; bcrypt and argon2 embed it in value");
    }
  }

  private static void requireMatchingIterations(JsonNode passwordHash, int embedded, String what) {
    if (isPresent(passwordHash, "iterations")
        && requiredInt(passwordHash, "iterations", 1, Integer.MAX_VALUE) != embedded) {
      throw invalid("iterations", "must, when given, equal " + what);
    }
  }
}

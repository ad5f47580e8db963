package io.kcuserdata.admin.passwords;

import java.security.SecureRandom;
import java.util.Objects;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;
import org.keycloak.credential.hash.PasswordHashProvider;
import org.keycloak.models.PasswordPolicy;
import org.keycloak.models.credential.PasswordCredentialModel;
import org.keycloak.models.credential.dto.PasswordSecretData;

/**
 * Verifies bcrypt hashes ({@code $2a$}, {@code $2b$}, {@code $2y$}) carried over from Auth0 or
 * Logto, and can produce them if a realm picks {@code bcrypt} as its policy algorithm.
 *
 * <p>A credential stores the whole modular-crypt string as its value, an empty salt (the salt lives
 * inside the string) and the cost as its iterations. Keycloak re-hashes the password with the
 * realm's algorithm after the first successful login, because that algorithm's policy check rejects
 * a bcrypt credential.
 */
public class BcryptPasswordHashProvider implements PasswordHashProvider {

  /** The cost used when the requested iterations are not a valid bcrypt cost. */
  public static final int DEFAULT_COST = 12;

  // 2b is what current OpenBSD and node bcrypt emit; 2a/2y differ only in historic bugs.
  private static final String VERSION = "2b";
  private static final int SALT_BYTES = 16;

  private final SecureRandom random;
  private final int maxCost;
  private final RefusedHashLog refused;

  /** Creates a provider with the default cost ceiling that draws salts from the given generator. */
  public BcryptPasswordHashProvider(SecureRandom random) {
    this(random, HashCeilings.DEFAULTS.maxBcryptCost(), new RefusedHashLog());
  }

  /**
   * Creates a provider that verifies no stored hash above {@code maxCost}: a cost-31 hash would tie
   * up a thread for a day and a half on each sign-in attempt, before brute-force counting starts.
   */
  BcryptPasswordHashProvider(SecureRandom random, int maxCost, RefusedHashLog refused) {
    this.random = Objects.requireNonNull(random, "random");
    this.maxCost = maxCost;
    this.refused = Objects.requireNonNull(refused, "refused");
  }

  /** Wraps an existing bcrypt string in the credential shape this provider verifies. */
  static PasswordCredentialModel credentialOf(String bcryptHash, int cost) {
    return PasswordCredentialModel.createFromValues(
        BcryptPasswordHashProviderFactory.ID, new byte[0], cost, bcryptHash);
  }

  @Override
  public boolean policyCheck(PasswordPolicy policy, PasswordCredentialModel credential) {
    // Mirrors encodedCredential: a credential is up to date exactly when re-hashing it under
    // this policy would produce the same algorithm and cost.
    if (policy == null || !BcryptPasswordHashProviderFactory.ID.equals(policy.getHashAlgorithm())) {
      return false;
    }
    if (credential == null
        || credential.getPasswordCredentialData() == null
        || !BcryptPasswordHashProviderFactory.ID.equals(
            credential.getPasswordCredentialData().getAlgorithm())) {
      return false;
    }
    int cost = storedCost(credential);
    return cost != -1 && cost == effectiveCost(policy.getHashIterations(), maxCost);
  }

  @Override
  public PasswordCredentialModel encodedCredential(String rawPassword, int iterations) {
    Objects.requireNonNull(rawPassword, "rawPassword");
    int cost = effectiveCost(iterations, maxCost);
    byte[] salt = new byte[SALT_BYTES];
    random.nextBytes(salt);
    String hash = OpenBSDBCrypt.generate(VERSION, Bcrypt.passwordBytes(rawPassword), salt, cost);
    return credentialOf(hash, cost);
  }

  @Override
  public boolean verify(String rawPassword, PasswordCredentialModel credential) {
    int cost = storedCost(credential);
    if (rawPassword == null || rawPassword.isEmpty() || cost == -1) {
      return false;
    }
    if (cost > maxCost) {
      refused.report(
          credential.getId(),
          BcryptPasswordHashProviderFactory.ID,
          "cost " + cost,
          maxCost,
          HashCeilings.MAX_BCRYPT_COST);
      return false;
    }
    try {
      return OpenBSDBCrypt.checkPassword(
          credential.getPasswordSecretData().getValue(), Bcrypt.passwordBytes(rawPassword));
    } catch (RuntimeException e) {
      // The format was pre-checked, so this is BouncyCastle disagreeing about an edge case;
      // a login attempt must end in "wrong password", not in a stack trace.
      return false;
    }
  }

  @Override
  public String credentialHashingStrength(PasswordCredentialModel credential) {
    return "bcrypt-" + storedCost(credential);
  }

  @Override
  public void close() {}

  /**
   * Policies carry PBKDF2-sized iteration counts (or -1), which are meaningless as a cost; and a
   * hash above the ceiling could never be verified, so none is made.
   */
  static int effectiveCost(int iterations, int maxCost) {
    return Math.min(Bcrypt.isValidCost(iterations) ? iterations : DEFAULT_COST, maxCost);
  }

  // The cost inside the hash is what verification uses, so it outranks the iterations field.
  private static int storedCost(PasswordCredentialModel credential) {
    PasswordSecretData secret = credential == null ? null : credential.getPasswordSecretData();
    return secret == null ? -1 : Bcrypt.costOf(secret.getValue());
  }
}

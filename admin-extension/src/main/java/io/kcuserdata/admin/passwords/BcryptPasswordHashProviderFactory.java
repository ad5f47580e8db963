package io.kcuserdata.admin.passwords;

import java.security.SecureRandom;
import java.util.Map;
import org.keycloak.Config;
import org.keycloak.credential.hash.PasswordHashProvider;
import org.keycloak.credential.hash.PasswordHashProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ServerInfoAwareProviderFactory;

/**
 * Registers {@link BcryptPasswordHashProvider} under the id {@value #ID}, so Keycloak can verify
 * imported bcrypt credentials.
 *
 * <p>It deliberately keeps the default {@link #order()}: Keycloak's own PBKDF2/Argon2 providers
 * rank higher, so bcrypt is never chosen as the default hashing algorithm by accident.
 */
public class BcryptPasswordHashProviderFactory
    implements PasswordHashProviderFactory, ServerInfoAwareProviderFactory {

  /** Provider id, and the algorithm name stored in bcrypt credentials. */
  public static final String ID = "bcrypt";

  // SecureRandom is thread-safe; sharing one avoids reseeding on every session.
  private final SecureRandom random = new SecureRandom();
  private final RefusedHashLog refused = new RefusedHashLog();
  private int maxCost = HashCeilings.DEFAULTS.maxBcryptCost();

  @Override
  public PasswordHashProvider create(KeycloakSession session) {
    return new BcryptPasswordHashProvider(random, maxCost, refused);
  }

  /**
   * The cost ceiling is the import's option, read from the admin root provider's scope rather than
   * this provider's own: one value decides both what an import accepts and what sign-in verifies,
   * so an operator who raises it cannot import hashes that then never verify.
   */
  @Override
  public void init(Config.Scope config) {
    maxCost =
        HashCeilings.read(Config.scope(HashCeilings.SPI, HashCeilings.PROVIDER)).maxBcryptCost();
  }

  /** Shown in the admin console's provider info, so operators can check the ceiling took. */
  @Override
  public Map<String, String> getOperationalInfo() {
    return Map.of(
        HashCeilings.MAX_BCRYPT_COST,
        maxCost + " (SPI option of " + HashCeilings.SPI + "/" + HashCeilings.PROVIDER + ")");
  }

  @Override
  public void postInit(KeycloakSessionFactory factory) {}

  @Override
  public void close() {}

  @Override
  public String getId() {
    return ID;
  }
}

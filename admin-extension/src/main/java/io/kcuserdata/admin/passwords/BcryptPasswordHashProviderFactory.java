package io.kcuserdata.admin.passwords;

import java.security.SecureRandom;
import org.keycloak.Config;
import org.keycloak.credential.hash.PasswordHashProvider;
import org.keycloak.credential.hash.PasswordHashProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/**
 * Registers {@link BcryptPasswordHashProvider} under the id {@value #ID}, so Keycloak can verify
 * imported bcrypt credentials.
 *
 * <p>It deliberately keeps the default {@link #order()}: Keycloak's own PBKDF2/Argon2 providers
 * rank higher, so bcrypt is never chosen as the default hashing algorithm by accident.
 */
public class BcryptPasswordHashProviderFactory implements PasswordHashProviderFactory {

  /** Provider id, and the algorithm name stored in bcrypt credentials. */
  public static final String ID = "bcrypt";

  // SecureRandom is thread-safe; sharing one avoids reseeding on every session.
  private final SecureRandom random = new SecureRandom();

  @Override
  public PasswordHashProvider create(KeycloakSession session) {
    return new BcryptPasswordHashProvider(random);
  }

  @Override
  public void init(Config.Scope config) {}

  @Override
  public void postInit(KeycloakSessionFactory factory) {}

  @Override
  public void close() {}

  @Override
  public String getId() {
    return ID;
  }
}

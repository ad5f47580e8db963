package io.kcuserdata.claims.secret;

import io.kcuserdata.core.secrets.RealmSecrets;
import io.kcuserdata.core.secrets.SealedSecretException;
import io.kcuserdata.core.spi.UserDataProvider;
import java.util.HashMap;
import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ProtocolMapperContainerModel;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.RealmModel;

/**
 * Seals, in one realm, the plain secrets of external claims mappers already stored on a client or
 * client scope, through Keycloak's model (which also clears its caches); reports sealed values that
 * no longer open. Never logs a secret.
 */
final class StoredSecrets {

  static final String PROVIDER_ID = "userdata-external-claims-mapper";

  private static final Logger LOG = Logger.getLogger(StoredSecrets.class);

  private final RealmModel realm;
  private final RealmSecrets secrets;
  private int sealed;

  StoredSecrets(KeycloakSession session, RealmModel realm) {
    this.realm = realm;
    this.secrets = session.getProvider(UserDataProvider.class).secrets(realm);
  }

  /** Seals the plain secrets of {@code container}'s external claims mappers. */
  void seal(ProtocolMapperContainerModel container) {
    container
        .getProtocolMappersStream()
        .filter(mapper -> PROVIDER_ID.equals(mapper.getProtocolMapper()))
        .toList()
        .forEach(mapper -> seal(container, mapper));
  }

  int sealedCount() {
    return sealed;
  }

  private void seal(ProtocolMapperContainerModel container, ProtocolMapperModel mapper) {
    // A copy: the model may be the cache's own instance.
    HashMap<String, String> config =
        new HashMap<>(mapper.getConfig() == null ? java.util.Map.of() : mapper.getConfig());
    try {
      switch (MapperSecret.formOf(config)) {
        case PLAIN -> {
          MapperSecret.sealInPlace(secrets, realm.getId(), config);
          ProtocolMapperModel update = new ProtocolMapperModel();
          update.setId(mapper.getId());
          update.setName(mapper.getName());
          update.setProtocol(mapper.getProtocol());
          update.setProtocolMapper(mapper.getProtocolMapper());
          update.setConfig(config);
          container.updateProtocolMapper(update);
          sealed++;
        }
        case SEALED -> MapperSecret.open(secrets, realm.getId(), config);
        default -> {
          // a vault reference or no secret: nothing to seal
        }
      }
    } catch (SealedSecretException e) {
      LOG.warnf(
          "External claims mapper '%s' of realm '%s': %s; it adds no claims until the secret is"
              + " entered again",
          mapper.getName(), realm.getName(), e.getMessage());
    } catch (RuntimeException e) {
      // The secret stays as it is; the rest of the transaction (an import, say) must not fail.
      LOG.errorf(
          "External claims mapper '%s' of realm '%s': its secret could not be sealed (%s)",
          mapper.getName(), realm.getName(), e.getClass().getSimpleName());
    }
  }
}

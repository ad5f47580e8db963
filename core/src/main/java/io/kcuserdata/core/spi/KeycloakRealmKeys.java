package io.kcuserdata.core.spi;

import io.kcuserdata.core.secrets.RealmKeys;
import io.kcuserdata.core.secrets.SealingKey;
import java.util.Optional;
import org.keycloak.crypto.Algorithm;
import org.keycloak.crypto.KeyUse;
import org.keycloak.crypto.KeyWrapper;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * A realm's AES keys from Keycloak's key manager: every realm has one ({@code aes-generated}), and
 * a passive key still opens what it sealed until an admin deletes or disables it.
 */
final class KeycloakRealmKeys implements RealmKeys {

  private final KeycloakSession session;
  private final RealmModel realm;

  KeycloakRealmKeys(KeycloakSession session, RealmModel realm) {
    this.session = session;
    this.realm = realm;
  }

  @Override
  public SealingKey active() {
    return of(session.keys().getActiveKey(realm, KeyUse.ENC, Algorithm.AES));
  }

  @Override
  public Optional<SealingKey> byKid(String keycloakKid) {
    return Optional.ofNullable(session.keys().getKey(realm, keycloakKid, KeyUse.ENC, Algorithm.AES))
        .filter(key -> key.getSecretKey() != null)
        .map(KeycloakRealmKeys::of);
  }

  private static SealingKey of(KeyWrapper key) {
    return SealingKey.realm(key.getKid(), key.getSecretKey().getEncoded());
  }
}

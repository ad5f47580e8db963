package io.kcuserdata.core.secrets;

import java.util.Optional;

/** A realm's own AES keys, as Keycloak's key manager holds them. */
public interface RealmKeys {

  /** The realm's active AES key; Keycloak generates one when the realm has none. */
  SealingKey active();

  /** The realm's AES key with this Keycloak kid, active or passive, while it exists. */
  Optional<SealingKey> byKid(String keycloakKid);
}

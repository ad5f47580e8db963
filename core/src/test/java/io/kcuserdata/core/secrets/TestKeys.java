package io.kcuserdata.core.secrets;

import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/** Reproducible keys, and a realm's AES keys as a map of Keycloak kids. */
final class TestKeys {

  private TestKeys() {}

  /** A base64 key of {@code bytes} reproducible bytes. */
  static String base64(long seed, int bytes) {
    return Base64.getEncoder().encodeToString(bytes(seed, bytes));
  }

  static byte[] bytes(long seed, int bytes) {
    byte[] raw = new byte[bytes];
    new SplittableRandom(seed).nextBytes(raw);
    return raw;
  }

  static SealingKey operator(long seed) {
    return SealingKey.operator(base64(seed, 32), "secret-key");
  }

  /** A realm whose AES keys an admin can add (the newest is active) and delete. */
  static final class Realm implements RealmKeys {
    private final Map<String, SealingKey> keys = new HashMap<>();
    private String active;
    int activeLookups;

    Realm withKey(String keycloakKid, long seed) {
      keys.put(keycloakKid, SealingKey.realm(keycloakKid, bytes(seed, 16)));
      active = keycloakKid;
      return this;
    }

    void delete(String keycloakKid) {
      keys.remove(keycloakKid);
    }

    @Override
    public SealingKey active() {
      activeLookups++;
      return keys.get(active);
    }

    @Override
    public Optional<SealingKey> byKid(String keycloakKid) {
      return Optional.ofNullable(keys.get(keycloakKid));
    }
  }
}

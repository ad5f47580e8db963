package io.kcuserdata.core.secrets;

import java.util.Optional;

/**
 * Sealing and fingerprints for one realm: under the operator's key (the {@code userdata} SPI option
 * {@code secret-key}) when it is set, else under the realm's own AES key. Values keep the id of the
 * key that made them, so those made under the realm's key stay readable after the operator sets a
 * key, as long as the realm key exists.
 */
public final class RealmSecrets {

  private final SealingKey operatorKey;
  private final RealmKeys realmKeys;
  private SealingKey current;

  /**
   * @param operatorKey the operator's key, or null
   */
  public RealmSecrets(SealingKey operatorKey, RealmKeys realmKeys) {
    this.operatorKey = operatorKey;
    this.realmKeys = realmKeys;
  }

  /** Seals {@code secret} for {@code context} under the current key. */
  public String seal(SealContext context, String secret) {
    return SealedValue.seal(current(), context, secret);
  }

  /**
   * Opens a value {@link #seal} made for the same context.
   *
   * @throws SealedSecretException when it is malformed, its key is gone, or it was sealed for
   *     another context; the message says which, never the value
   */
  public String open(SealContext context, String stored) throws SealedSecretException {
    SealedValue sealed =
        SealedValue.parse(stored)
            .orElseThrow(() -> new SealedSecretException("it is not a well-formed sealed value"));
    SealingKey key =
        key(sealed.kid()).orElseThrow(() -> new SealedSecretException(missing(sealed.kid())));
    return sealed
        .open(key, context)
        .orElseThrow(
            () ->
                new SealedSecretException(
                    "it was sealed for another realm, URL or authentication type, or it was"
                        + " changed"));
  }

  /** HMAC fingerprints under the same keys. */
  public Fingerprints fingerprints() {
    return new Fingerprints(this::current, this::key);
  }

  /** Whether new values are sealed under the operator's key (else the realm's). */
  public boolean underOperatorKey() {
    return operatorKey != null;
  }

  private SealingKey current() {
    if (current == null) {
      current = operatorKey != null ? operatorKey : realmKeys.active();
    }
    return current;
  }

  private Optional<SealingKey> key(String kid) {
    if (operatorKey != null && operatorKey.kid().equals(kid)) {
      return Optional.of(operatorKey);
    }
    if (kid.startsWith(SealingKey.REALM_PREFIX)) {
      return realmKeys.byKid(kid.substring(SealingKey.REALM_PREFIX.length()));
    }
    return Optional.empty();
  }

  private static String missing(String kid) {
    if (kid.startsWith(SealingKey.OPERATOR_PREFIX)) {
      return "it was sealed under another secret-key (key id "
          + kid
          + "), which this server does not have";
    }
    if (kid.startsWith(SealingKey.REALM_PREFIX)) {
      return "the realm's AES key that sealed it (" + kid + ") no longer exists";
    }
    return "its key id is unknown";
  }
}

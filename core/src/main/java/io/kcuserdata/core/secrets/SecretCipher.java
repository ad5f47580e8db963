package io.kcuserdata.core.secrets;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Seals secrets kept in the pack's own tables under operator keys only (webhook endpoint secrets):
 * new values under the primary key as {@link SealedValue}s; values from before key ids ({@code
 * v1:<base64>}, AES-GCM directly under an operator key) open under whichever configured key made
 * them. Without any key, secrets are stored as they are, marked {@code plain:}, and the server says
 * so at startup.
 */
public final class SecretCipher {

  private static final String LEGACY_SEALED = "v1:";
  private static final String PLAIN = "plain:";

  private final String what;
  private final SealContext context;
  private final SealingKey primary;
  private final List<SealingKey> keys;

  private SecretCipher(
      String what, SealContext context, SealingKey primary, List<SealingKey> others) {
    this.what = what;
    this.context = context;
    this.primary = primary;
    List<SealingKey> all = new ArrayList<>();
    if (primary != null) {
      all.add(primary);
    }
    others.stream().filter(Objects::nonNull).filter(k -> !all.contains(k)).forEach(all::add);
    this.keys = List.copyOf(all);
  }

  /**
   * @param what how errors name a secret, e.g. {@code a webhook secret}
   * @param context what the sealed values are for
   * @param primary the key new values are sealed under; null to store them plain
   * @param others keys that still open what they sealed earlier
   */
  public static SecretCipher of(
      String what, SealContext context, SealingKey primary, List<SealingKey> others) {
    return new SecretCipher(what, context, primary, others);
  }

  public boolean encrypts() {
    return primary != null;
  }

  /** The key id new values are sealed under, when there is a key. */
  public Optional<String> keyId() {
    return Optional.ofNullable(primary).map(SealingKey::kid);
  }

  public String seal(String secret) {
    return primary == null ? PLAIN + secret : SealedValue.seal(primary, context, secret);
  }

  /**
   * @throws IllegalStateException when no configured key opens the stored value (the message never
   *     quotes it)
   */
  public String open(String stored) {
    if (stored.startsWith(PLAIN)) {
      return stored.substring(PLAIN.length());
    }
    if (SealedValue.looksSealed(stored)) {
      SealedValue sealed =
          SealedValue.parse(stored)
              .orElseThrow(() -> new IllegalStateException(what + " is stored malformed"));
      return keys.stream()
          .map(key -> sealed.open(key, context))
          .flatMap(Optional::stream)
          .findFirst()
          .orElseThrow(
              () ->
                  new IllegalStateException(
                      what
                          + " is sealed under key id "
                          + sealed.kid()
                          + ", which no configured secret-key opens"));
    }
    if (stored.startsWith(LEGACY_SEALED)) {
      byte[] bytes;
      try {
        bytes = Base64.getDecoder().decode(stored.substring(LEGACY_SEALED.length()));
      } catch (IllegalArgumentException e) {
        throw new IllegalStateException(what + " is stored malformed");
      }
      for (SealingKey key : keys) {
        byte[] plain = Aead.open(key.rawAesKey(), bytes, null);
        if (plain != null) {
          return new String(plain, StandardCharsets.UTF_8);
        }
      }
    }
    throw new IllegalStateException(
        what + " is sealed but no (or another) secret-key is configured to open it");
  }
}

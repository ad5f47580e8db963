package io.kcuserdata.core.secrets;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * A secret sealed for storage: {@code sealed:1:<key id>:<base64 of iv ‖ ciphertext ‖ tag>}. The key
 * id says which key opens it, so values sealed under a key that was since replaced stay readable
 * while that key exists; the text carries nothing of the secret.
 */
public record SealedValue(String kid, byte[] payload) {

  /** How every sealed value starts. */
  public static final String PREFIX = "sealed:1:";

  /** Whether {@code value} is in the sealed form (not whether it opens). */
  public static boolean looksSealed(String value) {
    return value != null && value.startsWith(PREFIX);
  }

  /** The parts of a sealed value; empty when it is not one or is malformed. */
  public static Optional<SealedValue> parse(String value) {
    if (!looksSealed(value)) {
      return Optional.empty();
    }
    String rest = value.substring(PREFIX.length());
    int last = rest.lastIndexOf(':');
    if (last <= 0 || last == rest.length() - 1) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          new SealedValue(
              rest.substring(0, last), Base64.getDecoder().decode(rest.substring(last + 1))));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  static String seal(SealingKey key, SealContext context, String secret) {
    byte[] sealed =
        Aead.seal(key.sealKey(), secret.getBytes(StandardCharsets.UTF_8), context.associatedData());
    return PREFIX + key.kid() + ":" + Base64.getEncoder().encodeToString(sealed);
  }

  /**
   * @return the secret, or empty when {@code key} or {@code context} is not the one it was sealed
   *     with (or the bytes were changed)
   */
  Optional<String> open(SealingKey key, SealContext context) {
    if (!key.kid().equals(kid)) {
      return Optional.empty();
    }
    byte[] plain = Aead.open(key.sealKey(), payload, context.associatedData());
    return plain == null
        ? Optional.empty()
        : Optional.of(new String(plain, StandardCharsets.UTF_8));
  }

  @Override
  public String toString() {
    return "SealedValue[" + kid + "]";
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SealedValue value
        && value.kid.equals(kid)
        && java.util.Arrays.equals(value.payload, payload);
  }

  @Override
  public int hashCode() {
    return kid.hashCode() * 31 + java.util.Arrays.hashCode(payload);
  }
}

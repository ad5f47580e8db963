package io.kcuserdata.core.signing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A Standard Webhooks signing secret: {@code whsec_} followed by the base64 of the key bytes.
 *
 * <p>The key leaves this object only through {@link #encoded()} (to show it once, or to store it
 * encrypted) and through the MACs it keys. {@code toString()} and every error message leave it out,
 * so a secret cannot reach a log line by accident.
 */
public final class WebhookSecret {

  public static final String PREFIX = "whsec_";

  /** The Standard Webhooks specification asks for keys of 24 to 64 bytes. */
  public static final int MIN_BYTES = 24;

  public static final int MAX_BYTES = 64;

  /** Generated keys are 32 bytes: the HMAC-SHA256 output size, above the specification's floor. */
  static final int GENERATED_BYTES = 32;

  static final String ALGORITHM = "HmacSHA256";

  // SecureRandom is thread-safe; one instance avoids reseeding costs on every rotation.
  private static final SecureRandom RANDOM = new SecureRandom();

  private final byte[] key;

  private WebhookSecret(byte[] key) {
    this.key = key;
  }

  /** A new secret of {@value #GENERATED_BYTES} random bytes. */
  public static WebhookSecret generate() {
    return generate(RANDOM);
  }

  public static WebhookSecret generate(SecureRandom random) {
    byte[] key = new byte[GENERATED_BYTES];
    random.nextBytes(key);
    return new WebhookSecret(key);
  }

  /**
   * Reads a secret written as {@code whsec_<base64>}.
   *
   * @throws IllegalArgumentException when the text is not such a secret; the message says which
   *     rule it breaks and never quotes the text
   */
  public static WebhookSecret parse(String encoded) {
    if (encoded == null || encoded.isBlank()) {
      throw new IllegalArgumentException("the webhook secret is empty");
    }
    String text = encoded.strip();
    if (!text.startsWith(PREFIX)) {
      throw new IllegalArgumentException("a webhook secret must start with " + PREFIX);
    }
    byte[] key;
    try {
      key = Base64.getDecoder().decode(text.substring(PREFIX.length()));
    } catch (IllegalArgumentException e) {
      // Not chained: the decoder's message quotes the offending character of the secret.
      throw new IllegalArgumentException(
          "a webhook secret must be standard base64 after " + PREFIX);
    }
    if (key.length < MIN_BYTES || key.length > MAX_BYTES) {
      throw new IllegalArgumentException(
          "a webhook secret must hold "
              + MIN_BYTES
              + " to "
              + MAX_BYTES
              + " bytes, this one holds "
              + key.length);
    }
    return new WebhookSecret(key);
  }

  /** The secret as {@code whsec_<base64>}: to show once at creation, or to store encrypted. */
  public String encoded() {
    return PREFIX + Base64.getEncoder().encodeToString(key);
  }

  /**
   * HMAC-SHA256 of {@code <id>.<seconds>.<body>} keyed with this secret. A fresh {@link Mac} per
   * call, because a {@code Mac} is not thread-safe.
   */
  byte[] mac(String id, String seconds, byte[] body) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(new SecretKeySpec(key, ALGORITHM));
      mac.update((id + "." + seconds + ".").getBytes(StandardCharsets.UTF_8));
      return mac.doFinal(body);
    } catch (GeneralSecurityException e) {
      // Every Java platform must provide HmacSHA256, so this means a broken runtime.
      throw new IllegalStateException(ALGORITHM + " is not available", e);
    }
  }

  @Override
  public String toString() {
    return "WebhookSecret[redacted]";
  }
}

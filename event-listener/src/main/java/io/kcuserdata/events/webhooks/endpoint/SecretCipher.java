package io.kcuserdata.events.webhooks.endpoint;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals webhook secrets for the database with AES-256-GCM under the operator's key (SPI option
 * {@code secret-key}, 32 bytes in base64, kept out of the database). Without a key secrets are
 * stored as they are, marked so, and the server says so at startup.
 */
public final class SecretCipher {

  private static final String SEALED = "v1:";
  private static final String PLAIN = "plain:";
  private static final int IV_BYTES = 12;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final SecretKeySpec key;

  private SecretCipher(SecretKeySpec key) {
    this.key = key;
  }

  /**
   * @param base64Key 32 bytes in base64, or null/blank for no encryption
   * @throws IllegalArgumentException when the key is not 32 bytes of base64 (the message never
   *     quotes it)
   */
  public static SecretCipher withKey(String base64Key) {
    if (base64Key == null || base64Key.isBlank()) {
      return new SecretCipher(null);
    }
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(base64Key.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the webhook secret key is not base64");
    }
    if (bytes.length != 32) {
      throw new IllegalArgumentException(
          "the webhook secret key must be 32 bytes (256 bits), not " + bytes.length);
    }
    return new SecretCipher(new SecretKeySpec(bytes, "AES"));
  }

  public boolean encrypts() {
    return key != null;
  }

  public String seal(String secret) {
    if (key == null) {
      return PLAIN + secret;
    }
    try {
      byte[] iv = new byte[IV_BYTES];
      RANDOM.nextBytes(iv);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
      byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
      byte[] out = new byte[IV_BYTES + sealed.length];
      System.arraycopy(iv, 0, out, 0, IV_BYTES);
      System.arraycopy(sealed, 0, out, IV_BYTES, sealed.length);
      return SEALED + Base64.getEncoder().encodeToString(out);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available", e);
    }
  }

  /**
   * @throws IllegalStateException when the stored value was sealed under another key (or none is
   *     configured now)
   */
  public String open(String stored) {
    if (stored.startsWith(PLAIN)) {
      return stored.substring(PLAIN.length());
    }
    if (!stored.startsWith(SEALED) || key == null) {
      throw new IllegalStateException(
          "a webhook secret is sealed but no (or another) secret-key is configured");
    }
    try {
      byte[] in = Base64.getDecoder().decode(stored.substring(SEALED.length()));
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, in, 0, IV_BYTES));
      return new String(cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalStateException("a webhook secret could not be opened with the secret-key");
    }
  }
}

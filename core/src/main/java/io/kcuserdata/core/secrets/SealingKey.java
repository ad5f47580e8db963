package io.kcuserdata.core.secrets;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Key material the pack seals secrets and keys fingerprints with, and the key id stored beside what
 * it made, so a value names the key that opens it. Each use gets its own key derived from the
 * material (HMAC-SHA256 over a label): the realm's AES key, which Keycloak uses for its own
 * purposes, never encrypts anything of ours directly.
 */
public final class SealingKey {

  /** Key ids of the operator's keys: {@code op-} and 16 hex digits of a digest of the key. */
  public static final String OPERATOR_PREFIX = "op-";

  /** Key ids of realm keys: {@code aes-} and the kid of the realm's AES key. */
  public static final String REALM_PREFIX = "aes-";

  private static final byte[] SEAL_LABEL = "kc-userdata seal v1".getBytes(StandardCharsets.UTF_8);
  private static final byte[] MAC_LABEL =
      "kc-userdata fingerprint v1".getBytes(StandardCharsets.UTF_8);
  private static final byte[] KID_LABEL = "kc-userdata key id".getBytes(StandardCharsets.UTF_8);

  private final String kid;
  private final byte[] material;

  private SealingKey(String kid, byte[] material) {
    this.kid = kid;
    this.material = material.clone();
  }

  /**
   * An operator's key from an SPI option: 32 bytes in base64.
   *
   * @param option how the error names the option, e.g. {@code userdata: secret-key}
   * @throws IllegalArgumentException when it is not 32 bytes of base64 (the message never quotes
   *     it)
   */
  public static SealingKey operator(String base64, String option) {
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(base64.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(option + " is not base64");
    }
    if (bytes.length != 32) {
      throw new IllegalArgumentException(
          option + " must be 32 bytes (256 bits) in base64, not " + bytes.length + " bytes");
    }
    byte[] digest = sha256(KID_LABEL, bytes);
    return new SealingKey(OPERATOR_PREFIX + HexFormat.of().formatHex(digest, 0, 8), bytes);
  }

  /** A realm's AES key, named by its Keycloak kid. */
  public static SealingKey realm(String keycloakKid, byte[] aesKey) {
    return new SealingKey(REALM_PREFIX + keycloakKid, aesKey);
  }

  public String kid() {
    return kid;
  }

  public boolean isOperatorKey() {
    return kid.startsWith(OPERATOR_PREFIX);
  }

  /** The AES-256 key that seals secrets. */
  SecretKeySpec sealKey() {
    return new SecretKeySpec(derive(SEAL_LABEL), "AES");
  }

  /** The HMAC-SHA256 key of fingerprints. */
  SecretKeySpec macKey() {
    return new SecretKeySpec(derive(MAC_LABEL), "HmacSHA256");
  }

  /** The material itself as an AES key: only to open webhook secrets sealed before key ids. */
  SecretKeySpec rawAesKey() {
    return new SecretKeySpec(material, "AES");
  }

  private byte[] derive(byte[] label) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(material, "HmacSHA256"));
      return mac.doFinal(label);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is in every JRE", e);
    }
  }

  private static byte[] sha256(byte[] label, byte[] bytes) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(label);
      return digest.digest(bytes);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is in every JRE", e);
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SealingKey key
        && key.kid.equals(kid)
        && MessageDigest.isEqual(key.material, material);
  }

  @Override
  public int hashCode() {
    return kid.hashCode() * 31 + Arrays.hashCode(material);
  }

  /** The key id only, never the material. */
  @Override
  public String toString() {
    return "SealingKey[" + kid + "]";
  }
}

package io.kcuserdata.core.secrets;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.crypto.Mac;

/**
 * Keyed fingerprints of values: {@code hmac:<key id>:<22 base64url characters of HMAC-SHA256>}.
 * Enough to tell whether a value is the one fingerprinted; without the key, no dictionary of likely
 * values finds it. Fingerprints from before keys, unkeyed SHA-256 in 22 base64url characters, are
 * still recognised so that a later write can replace them.
 */
public final class Fingerprints {

  public static final String PREFIX = "hmac:";
  private static final int CHARACTERS = 22;

  /** How a recorded fingerprint relates to a value. */
  public enum Verdict {
    /** It is the value's, under the current key. */
    CURRENT,
    /** It is the value's, in the unkeyed form or under an older key: worth writing again. */
    OUTDATED,
    /** It is another value's, or its key is gone, so nothing can be told. */
    NO_MATCH;

    public boolean matches() {
      return this != NO_MATCH;
    }
  }

  private final Supplier<SealingKey> current;
  private final Function<String, Optional<SealingKey>> byKid;

  Fingerprints(Supplier<SealingKey> current, Function<String, Optional<SealingKey>> byKid) {
    this.current = current;
    this.byKid = byKid;
  }

  /** The fingerprint of {@code value} under the current key. */
  public String of(byte[] value) {
    SealingKey key = current.get();
    return PREFIX + key.kid() + ":" + mac(key, value);
  }

  public Verdict check(String recorded, byte[] value) {
    if (recorded == null) {
      return Verdict.NO_MATCH;
    }
    if (!recorded.startsWith(PREFIX)) {
      return same(recorded, unkeyed(value)) ? Verdict.OUTDATED : Verdict.NO_MATCH;
    }
    String rest = recorded.substring(PREFIX.length());
    int last = rest.lastIndexOf(':');
    if (last <= 0) {
      return Verdict.NO_MATCH;
    }
    String kid = rest.substring(0, last);
    Optional<SealingKey> key = byKid.apply(kid);
    if (key.isEmpty() || !same(rest.substring(last + 1), mac(key.get(), value))) {
      return Verdict.NO_MATCH;
    }
    return kid.equals(current.get().kid()) ? Verdict.CURRENT : Verdict.OUTDATED;
  }

  /** The unkeyed form the pack wrote before fingerprints were keyed. */
  public static String unkeyed(byte[] value) {
    try {
      return truncate(MessageDigest.getInstance("SHA-256").digest(value));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is in every JRE", e);
    }
  }

  private static String mac(SealingKey key, byte[] value) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key.macKey());
      return truncate(mac.doFinal(value));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is in every JRE", e);
    }
  }

  private static String truncate(byte[] digest) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, CHARACTERS);
  }

  private static boolean same(String a, String b) {
    return MessageDigest.isEqual(
        a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
  }
}

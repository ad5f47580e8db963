package io.kcuserdata.core.signing;

import io.kcuserdata.core.signing.WebhookVerificationException.Reason;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

/** The checks behind {@link WebhookSigner#verify}, kept apart from signing. */
final class SignatureVerifier {

  private static final String VERSION = "v1";

  // Unix seconds; 15 digits keep arithmetic with "now" far from overflow.
  private static final Pattern TIMESTAMP = Pattern.compile("[0-9]{1,15}");

  private SignatureVerifier() {}

  static void verify(
      List<WebhookSecret> secrets,
      Duration tolerance,
      Instant now,
      String id,
      String timestamp,
      String signatureHeader,
      byte[] body) {
    if (isBlank(id) || isBlank(timestamp) || isBlank(signatureHeader) || body == null) {
      throw new WebhookVerificationException(
          Reason.MISSING_HEADER,
          "webhook-id, webhook-timestamp and webhook-signature are required");
    }
    String seconds = timestamp.strip();
    checkTimestamp(seconds, tolerance, now.getEpochSecond());
    boolean sawSignature = false;
    for (String entry : signatureHeader.strip().split(" +")) {
      int comma = entry.indexOf(',');
      if (comma < 0 || !VERSION.equals(entry.substring(0, comma))) {
        continue; // another scheme (v1a, …) or noise: not ours to judge
      }
      sawSignature = true;
      byte[] received = decode(entry.substring(comma + 1));
      if (received != null && matchesAnySecret(secrets, received, id, seconds, body)) {
        return;
      }
    }
    throw sawSignature
        ? new WebhookVerificationException(
            Reason.NO_MATCHING_SIGNATURE, "no v1 signature matches the message")
        : new WebhookVerificationException(
            Reason.NO_SIGNATURE, "webhook-signature holds no v1 signature");
  }

  private static void checkTimestamp(String seconds, Duration tolerance, long now) {
    if (!TIMESTAMP.matcher(seconds).matches()) {
      throw new WebhookVerificationException(
          Reason.INVALID_TIMESTAMP, "webhook-timestamp must be unix seconds");
    }
    long signedAt = Long.parseLong(seconds);
    if (now - signedAt > tolerance.toSeconds()) {
      throw new WebhookVerificationException(
          Reason.TIMESTAMP_TOO_OLD,
          "webhook-timestamp is " + (now - signedAt) + " s old, more than " + tolerance);
    }
    if (signedAt - now > tolerance.toSeconds()) {
      throw new WebhookVerificationException(
          Reason.TIMESTAMP_TOO_NEW,
          "webhook-timestamp is " + (signedAt - now) + " s in the future, more than " + tolerance);
    }
  }

  private static boolean matchesAnySecret(
      List<WebhookSecret> secrets, byte[] received, String id, String seconds, byte[] body) {
    boolean matched = false;
    // Every secret is tried, so the time taken does not tell which one (if any) matched.
    for (WebhookSecret secret : secrets) {
      matched |= MessageDigest.isEqual(received, secret.mac(id, seconds, body));
    }
    return matched;
  }

  private static byte[] decode(String base64) {
    try {
      return Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      return null; // a malformed entry is just one that does not match
    }
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}

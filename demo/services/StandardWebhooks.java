import com.sun.net.httpserver.Headers;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks signatures, as the pack sends them (webhooks, and the claims mapper's HMAC
 * calls): HMAC-SHA256 over {@code id.timestamp.body}, any of the {@code v1,} signatures, the
 * timestamp within five minutes.
 */
final class StandardWebhooks {

  /** Whether a request verified, and why not when it did not. */
  record Verdict(boolean verified, String reason) {
    static Verdict ok() {
      return new Verdict(true, "signature verified");
    }

    static Verdict no(String reason) {
      return new Verdict(false, reason);
    }
  }

  private static final long TOLERANCE_SECONDS = 300;

  private StandardWebhooks() {}

  static Verdict verify(Headers headers, byte[] body, String secret) {
    if (secret == null) {
      return Verdict.no("no secret yet: the receiver is still registering its endpoint");
    }
    String id = headers.getFirst("webhook-id");
    String timestamp = headers.getFirst("webhook-timestamp");
    String signatures = headers.getFirst("webhook-signature");
    if (id == null || timestamp == null || signatures == null) {
      return Verdict.no("webhook-id, webhook-timestamp or webhook-signature header missing");
    }
    long sent;
    try {
      sent = Long.parseLong(timestamp.trim());
    } catch (NumberFormatException e) {
      return Verdict.no("webhook-timestamp is not a number");
    }
    if (Math.abs(System.currentTimeMillis() / 1000 - sent) > TOLERANCE_SECONDS) {
      return Verdict.no("webhook-timestamp more than 5 minutes away from now");
    }
    byte[] expected;
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key(secret), "HmacSHA256"));
      mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
      expected = mac.doFinal(body);
    } catch (java.security.GeneralSecurityException | IllegalArgumentException e) {
      return Verdict.no("the receiver's secret is unusable: " + e.getMessage());
    }
    for (String signature : signatures.trim().split(" +")) {
      if (!signature.startsWith("v1,")) {
        continue;
      }
      byte[] given;
      try {
        given = Base64.getDecoder().decode(signature.substring(3));
      } catch (IllegalArgumentException e) {
        continue;
      }
      if (MessageDigest.isEqual(expected, given)) {
        return Verdict.ok();
      }
    }
    return Verdict.no("no v1 signature matches the receiver's secret");
  }

  private static byte[] key(String secret) {
    String encoded = secret.startsWith("whsec_") ? secret.substring("whsec_".length()) : secret;
    return Base64.getDecoder().decode(encoded);
  }
}

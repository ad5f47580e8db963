package io.kcuserdata.core.signing;

import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Signs and verifies messages the Standard Webhooks way (https://www.standardwebhooks.com): the
 * signature is {@code v1,} + base64 of HMAC-SHA256, keyed with the secret's bytes, over {@code
 * <id>.<timestamp>.<body>}, where the body is the exact bytes sent. Signing a re-serialization
 * instead of those bytes would break receivers, so this class only takes bytes.
 *
 * <p>A signer holds one or more secrets. Each signs, giving several space-separated signatures;
 * during a rotation overlap the receiver may still know only the old secret and keeps verifying.
 * Verification accepts a message when any of its {@code v1} signatures matches any secret.
 *
 * <p>Immutable and thread-safe.
 */
public final class WebhookSigner {

  /** The specification's suggested replay window. */
  public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

  private static final String VERSION = "v1";

  /**
   * Ids we sign are header-safe (no whitespace or controls, so no header injection) and hold no
   * dot, so {@code id.timestamp.body} splits back into its parts one way only.
   */
  private static final Pattern SIGNABLE_ID = Pattern.compile("[\\x21-\\x2D\\x2F-\\x7E]{1,256}");

  private final List<WebhookSecret> secrets;
  private final Duration tolerance;
  private final Clock clock;

  public WebhookSigner(WebhookSecret secret) {
    this(List.of(secret));
  }

  /** A signer with every given secret, for instance the new and the old one after a rotation. */
  public WebhookSigner(List<WebhookSecret> secrets) {
    this(secrets, DEFAULT_TOLERANCE, Clock.systemUTC());
  }

  private WebhookSigner(List<WebhookSecret> secrets, Duration tolerance, Clock clock) {
    if (secrets.isEmpty()) {
      throw new IllegalArgumentException("a webhook signer needs at least one secret");
    }
    if (tolerance.isNegative()) {
      throw new IllegalArgumentException("the timestamp tolerance must not be negative");
    }
    this.secrets = List.copyOf(secrets);
    this.tolerance = tolerance;
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** A new {@code whsec_} secret of 32 random bytes; see {@link WebhookSecret#generate()}. */
  public static WebhookSecret newSecret() {
    return WebhookSecret.generate();
  }

  /** The same secrets with another replay window for {@link #verify}. */
  public WebhookSigner withTolerance(Duration tolerance) {
    return new WebhookSigner(secrets, tolerance, clock);
  }

  /** The same secrets reading "now" from another clock, for signing and verifying. */
  public WebhookSigner withClock(Clock clock) {
    return new WebhookSigner(secrets, tolerance, clock);
  }

  /** Signs {@code body} as sent now. */
  public WebhookHeaders sign(String id, byte[] body) {
    return sign(id, clock.instant().getEpochSecond(), body);
  }

  /**
   * Signs {@code body} with every secret.
   *
   * @param id the message id, stable across retries; printable ASCII without spaces or dots
   * @param timestamp unix seconds
   * @param body the exact bytes that will be sent
   */
  public WebhookHeaders sign(String id, long timestamp, byte[] body) {
    if (id == null || !SIGNABLE_ID.matcher(id).matches()) {
      throw new IllegalArgumentException(
          "a webhook id must be 1 to 256 printable ASCII characters without spaces or dots");
    }
    if (timestamp < 0) {
      throw new IllegalArgumentException("a webhook timestamp must not be negative");
    }
    Objects.requireNonNull(body, "body");
    StringBuilder signatures = new StringBuilder();
    for (WebhookSecret secret : secrets) {
      if (signatures.length() > 0) {
        signatures.append(' ');
      }
      byte[] mac = secret.mac(id, Long.toString(timestamp), body);
      signatures.append(VERSION).append(',').append(Base64.getEncoder().encodeToString(mac));
    }
    return new WebhookHeaders(id, timestamp, signatures.toString());
  }

  /**
   * Checks a received message: the timestamp lies within the tolerance of now, and one of the
   * {@code v1} signatures of the header matches one of the secrets (compared in constant time).
   * Entries of other versions ({@code v1a,…}) are skipped.
   *
   * @param id the {@code webhook-id} header
   * @param timestamp the {@code webhook-timestamp} header, as received
   * @param signatureHeader the {@code webhook-signature} header, as received
   * @param body the exact bytes received
   * @throws WebhookVerificationException naming the {@link WebhookVerificationException.Reason}
   *     when the message is refused
   */
  public void verify(String id, String timestamp, String signatureHeader, byte[] body) {
    SignatureVerifier.verify(
        secrets, tolerance, clock.instant(), id, timestamp, signatureHeader, body);
  }

  @Override
  public String toString() {
    return "WebhookSigner[secrets=" + secrets.size() + ", tolerance=" + tolerance + "]";
  }
}

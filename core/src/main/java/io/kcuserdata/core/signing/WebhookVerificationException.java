package io.kcuserdata.core.signing;

/**
 * A received message whose Standard Webhooks signature does not hold. The {@link #reason()} tells
 * receivers (and tests) why; the message never quotes a secret or a signature.
 */
public class WebhookVerificationException extends RuntimeException {

  /** Why a message was refused. */
  public enum Reason {
    /** {@code webhook-id}, {@code webhook-timestamp} or {@code webhook-signature} is missing. */
    MISSING_HEADER,
    /** {@code webhook-timestamp} is not unix seconds. */
    INVALID_TIMESTAMP,
    /** Signed longer ago than the tolerance: possibly a replay. */
    TIMESTAMP_TOO_OLD,
    /** Signed further in the future than the tolerance. */
    TIMESTAMP_TOO_NEW,
    /** {@code webhook-signature} holds no {@code v1,<base64>} entry at all. */
    NO_SIGNATURE,
    /** No {@code v1} signature matches: wrong secret, or id, timestamp or body changed. */
    NO_MATCHING_SIGNATURE
  }

  private final Reason reason;

  public WebhookVerificationException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}

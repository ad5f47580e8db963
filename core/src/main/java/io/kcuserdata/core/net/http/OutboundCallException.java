package io.kcuserdata.core.net.http;

/**
 * An outbound call that produced no response to use. The message names the host and the kind of
 * failure, never the URL's path or query, a secret, or the other side's own error text.
 */
public class OutboundCallException extends Exception {

  private static final long serialVersionUID = 1L;

  /** Why. */
  public enum Kind {
    /** The deadline passed: connecting, sending or reading. */
    TIMEOUT,
    /** The SSRF guard refused the address. */
    REFUSED,
    /** Connection refused or reset, TLS failure, unknown host. */
    TRANSPORT,
    /** A 2xx body larger than allowed. */
    TOO_LARGE
  }

  private final Kind kind;

  public OutboundCallException(Kind kind, String message) {
    super(message, null, false, false);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}

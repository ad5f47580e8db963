package io.kcuserdata.claims.http;

/**
 * A call that produced no usable answer. The message is for the server log: it names the host and
 * the kind of failure, never the URL's path or query, a secret, or the API's own error text.
 */
public class CallFailedException extends Exception {

  private static final long serialVersionUID = 1L;

  private final Outcome outcome;

  public CallFailedException(Outcome outcome, String message) {
    super(message, null, false, false);
    this.outcome = outcome;
  }

  public Outcome outcome() {
    return outcome;
  }
}

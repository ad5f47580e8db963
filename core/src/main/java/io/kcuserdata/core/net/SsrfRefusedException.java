package io.kcuserdata.core.net;

/** An outbound call the {@link SsrfGuard} refused; the message is the decision's reason. */
public class SsrfRefusedException extends RuntimeException {

  private final transient SsrfDecision decision;

  public SsrfRefusedException(SsrfDecision decision) {
    super(decision.reason());
    this.decision = decision;
  }

  public SsrfDecision decision() {
    return decision;
  }
}

package io.kcuserdata.claims.resilience;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Stops calling an API that keeps failing. After {@code threshold} consecutive failures the breaker
 * opens: calls are refused at once, so tokens cost no waiting. After {@code openFor} one trial call
 * goes through (half-open) while the others are still refused; its success closes the breaker, its
 * failure opens it again for another {@code openFor}.
 */
public final class CircuitBreaker {

  /** What a caller may do now. */
  public enum Permit {
    /** The breaker is closed: call. */
    CALL,
    /** The breaker was open long enough: this caller makes the one trial call. */
    TRIAL,
    /** Do not call; the failure policy applies. */
    REFUSED
  }

  /** As exported in metrics: 0 closed, 1 open, 2 half-open. */
  public enum State {
    CLOSED,
    OPEN,
    HALF_OPEN
  }

  private final int threshold;
  private final long openNanos;
  private final LongSupplier nanoClock;

  private int consecutiveFailures;
  private State state = State.CLOSED;
  private long openedAt;

  public CircuitBreaker(int threshold, Duration openFor) {
    this(threshold, openFor, System::nanoTime);
  }

  public CircuitBreaker(int threshold, Duration openFor, LongSupplier nanoClock) {
    if (threshold < 1) {
      throw new IllegalArgumentException("threshold must be at least 1");
    }
    this.threshold = threshold;
    this.openNanos = openFor.toNanos();
    this.nanoClock = nanoClock;
  }

  public synchronized Permit acquire() {
    switch (state) {
      case CLOSED:
        return Permit.CALL;
      case OPEN:
        if (nanoClock.getAsLong() - openedAt >= openNanos) {
          state = State.HALF_OPEN;
          return Permit.TRIAL;
        }
        return Permit.REFUSED;
      default:
        // A trial is in flight; its outcome decides for everyone.
        return Permit.REFUSED;
    }
  }

  /** Reports whether a call went out and transitions; answers whether the state changed. */
  public synchronized boolean onSuccess() {
    consecutiveFailures = 0;
    boolean changed = state != State.CLOSED;
    state = State.CLOSED;
    return changed;
  }

  public synchronized boolean onFailure() {
    consecutiveFailures++;
    if (state == State.HALF_OPEN || (state == State.CLOSED && consecutiveFailures >= threshold)) {
      state = State.OPEN;
      openedAt = nanoClock.getAsLong();
      return true;
    }
    return false;
  }

  public synchronized State state() {
    return state;
  }
}

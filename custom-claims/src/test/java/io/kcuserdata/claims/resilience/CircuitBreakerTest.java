package io.kcuserdata.claims.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kcuserdata.claims.resilience.CircuitBreaker.Permit;
import io.kcuserdata.claims.resilience.CircuitBreaker.State;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CircuitBreakerTest {

  private static final int THRESHOLD = 3;
  private static final Duration OPEN_FOR = Duration.ofSeconds(30);

  // Starts far from zero: nanoTime may be negative or near overflow, the breaker must not care.
  private final AtomicLong now = new AtomicLong(Long.MAX_VALUE - Duration.ofSeconds(10).toNanos());
  private final CircuitBreaker breaker = new CircuitBreaker(THRESHOLD, OPEN_FOR, now::get);

  private void advance(Duration duration) {
    now.addAndGet(duration.toNanos());
  }

  private void fail(int times) {
    for (int i = 0; i < times; i++) {
      breaker.onFailure();
    }
  }

  private void open() {
    fail(THRESHOLD);
    assertThat(breaker.state()).isEqualTo(State.OPEN);
  }

  @Nested
  class WhenClosed {

    @Test
    void startsClosedAndLetsCallsThrough() {
      assertThat(breaker.state()).isEqualTo(State.CLOSED);
      assertThat(breaker.acquire()).isEqualTo(Permit.CALL);
      assertThat(breaker.acquire()).isEqualTo(Permit.CALL);
    }

    @Test
    void staysClosedBelowTheThreshold() {
      fail(THRESHOLD - 1);

      assertThat(breaker.state()).isEqualTo(State.CLOSED);
      assertThat(breaker.acquire()).isEqualTo(Permit.CALL);
    }

    @Test
    void opensAfterThresholdConsecutiveFailures() {
      fail(THRESHOLD - 1);

      assertThat(breaker.onFailure()).as("the failure that opens reports a change").isTrue();
      assertThat(breaker.state()).isEqualTo(State.OPEN);
      assertThat(breaker.acquire()).isEqualTo(Permit.REFUSED);
    }

    @Test
    void aSuccessResetsTheCount() {
      fail(THRESHOLD - 1);
      breaker.onSuccess();
      fail(THRESHOLD - 1);

      assertThat(breaker.state()).isEqualTo(State.CLOSED);
      assertThat(breaker.onFailure()).isTrue();
    }

    @Test
    void failuresBelowTheThresholdAndSuccessesReportNoChange() {
      assertThat(breaker.onFailure()).isFalse();
      assertThat(breaker.onSuccess()).isFalse();
    }

    @Test
    void aThresholdOfOneOpensOnTheFirstFailure() {
      CircuitBreaker single = new CircuitBreaker(1, OPEN_FOR, now::get);

      assertThat(single.onFailure()).isTrue();
      assertThat(single.state()).isEqualTo(State.OPEN);
    }

    @Test
    void aThresholdBelowOneIsRefused() {
      assertThatThrownBy(() -> new CircuitBreaker(0, OPEN_FOR))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Nested
  class WhenOpen {

    @Test
    void refusesUntilOpenForHasPassed() {
      open();
      advance(OPEN_FOR.minusNanos(1));

      assertThat(breaker.acquire()).isEqualTo(Permit.REFUSED);
      assertThat(breaker.state()).isEqualTo(State.OPEN);
    }

    @Test
    void letsExactlyOneTrialThroughOnceOpenForHasPassed() {
      open();
      advance(OPEN_FOR);

      assertThat(breaker.acquire()).isEqualTo(Permit.TRIAL);
      assertThat(breaker.state()).isEqualTo(State.HALF_OPEN);
      assertThat(breaker.acquire()).isEqualTo(Permit.REFUSED);
      advance(OPEN_FOR.multipliedBy(10));
      assertThat(breaker.acquire())
          .as("still one trial, however long it runs")
          .isEqualTo(Permit.REFUSED);
    }

    @Test
    void moreFailuresWhileOpenNeitherChangeStateNorExtendThePeriod() {
      open();
      advance(OPEN_FOR.minusSeconds(1));

      assertThat(breaker.onFailure()).isFalse();
      advance(Duration.ofSeconds(1));
      assertThat(breaker.acquire()).isEqualTo(Permit.TRIAL);
    }
  }

  @Nested
  class WhenHalfOpen {

    private void startTrial() {
      open();
      advance(OPEN_FOR);
      assertThat(breaker.acquire()).isEqualTo(Permit.TRIAL);
    }

    @Test
    void aTrialSuccessClosesTheBreaker() {
      startTrial();

      assertThat(breaker.onSuccess()).isTrue();
      assertThat(breaker.state()).isEqualTo(State.CLOSED);
      assertThat(breaker.acquire()).isEqualTo(Permit.CALL);
    }

    @Test
    void afterClosingTheFullThresholdIsNeededAgain() {
      startTrial();
      breaker.onSuccess();

      fail(THRESHOLD - 1);
      assertThat(breaker.state()).isEqualTo(State.CLOSED);
    }

    @Test
    void aTrialFailureReopensForAnotherFullPeriod() {
      startTrial();
      advance(Duration.ofSeconds(5));

      assertThat(breaker.onFailure()).isTrue();
      assertThat(breaker.state()).isEqualTo(State.OPEN);
      advance(OPEN_FOR.minusNanos(1));
      assertThat(breaker.acquire()).isEqualTo(Permit.REFUSED);
      advance(Duration.ofNanos(1));
      assertThat(breaker.acquire()).isEqualTo(Permit.TRIAL);
    }
  }
}

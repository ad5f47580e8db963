package io.kcuserdata.claims.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.kcuserdata.core.net.http.Deadline;
import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** How a call ended, by when it must end, and which statuses count as answers. */
class CallResultsTest {

  @Nested
  class Outcomes {

    @ParameterizedTest
    @EnumSource(
        value = Outcome.class,
        names = {"TIMEOUT", "TRANSPORT_ERROR", "HTTP_ERROR", "INVALID_RESPONSE", "REFUSED"})
    void callsThatGotNoUsableAnswerAreFailures(Outcome outcome) {
      assertThat(outcome.isFailure()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(
        value = Outcome.class,
        names = {"SUCCESS", "DENIED", "BREAKER_OPEN"})
    void answersAndCallsNotMadeAreNot(Outcome outcome) {
      assertThat(outcome.isFailure()).isFalse();
    }

    @Test
    void tagsAreTheLowerCaseNames() {
      assertThat(Outcome.TRANSPORT_ERROR.tag()).isEqualTo("transport_error");
      assertThat(Outcome.BREAKER_OPEN.tag()).isEqualTo("breaker_open");
    }
  }

  @Nested
  class Deadlines {

    @Test
    void aDeadlineInTheFutureHasTimeLeft() {
      Deadline deadline = Deadline.in(Duration.ofHours(1));

      assertThat(deadline.passed()).isFalse();
      assertThat(deadline.remainingMillis()).isBetween(1L, Duration.ofHours(1).toMillis());
    }

    @Test
    void aDeadlineInThePastHasNoneAndNeverANegativeAmount() {
      Deadline deadline = new Deadline(System.nanoTime() - Duration.ofSeconds(1).toNanos());

      assertThat(deadline.passed()).isTrue();
      assertThat(deadline.remainingMillis()).isZero();
    }
  }

  @Nested
  class Responses {

    @Test
    void only2xxStatusesAreSuccesses() {
      assertThat(new ApiResponse(200, new byte[0], null).isSuccess()).isTrue();
      assertThat(new ApiResponse(299, new byte[0], null).isSuccess()).isTrue();
      assertThat(new ApiResponse(199, new byte[0], null).isSuccess()).isFalse();
      assertThat(new ApiResponse(300, new byte[0], null).isSuccess()).isFalse();
    }
  }
}

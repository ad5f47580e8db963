package io.kcuserdata.events.webhooks.dispatch;

import static io.kcuserdata.events.webhooks.dispatch.RetryScheduleTest.fixed;
import static org.assertj.core.api.Assertions.assertThat;

import io.kcuserdata.events.webhooks.dispatch.Recorder.Result;
import io.kcuserdata.events.webhooks.store.AttemptEntity;
import io.kcuserdata.events.webhooks.store.MessageEntity;
import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** What each kind of answer does to the message, its endpoint and the delivery log. */
class RecorderTest extends RecorderFixture {

  @Nested
  class ASuccess {

    @Test
    void deliversTheMessageAndFinishesIt() {
      assertThat(record(status(204))).isEqualTo(Result.DELIVERED);

      assertThat(message.getStatus()).isEqualTo(MessageEntity.DELIVERED);
      assertThat(message.getFinishedAt()).isBetween(before, after);
      assertThat(message.getLastStatus()).isEqualTo(204);
    }

    @Test
    void logsTheAttempt() {
      message.setAttempts(3);

      record(new AttemptResult(200, "ok", null, 40, null));

      AttemptEntity attempt = theAttempt();
      assertThat(attempt.getId()).isNotBlank();
      assertThat(attempt.getMessageId()).isEqualTo("msg_1");
      assertThat(attempt.getAttemptNo()).isEqualTo(4);
      assertThat(attempt.getStatusCode()).isEqualTo(200);
      assertThat(attempt.getLatencyMs()).isEqualTo(40);
      assertThat(attempt.getAttemptedAt()).isBetween(before - 40, after - 40);
      assertThat(attempt.getResponseExcerpt()).isEqualTo("ok");
      assertThat(attempt.getError()).isNull();
      assertThat(message.getAttempts()).isEqualTo(4);
    }

    @Test
    void keepsTheFirstKibOfTheResponseAndAShortError() {
      String body = "b".repeat(1024) + "TAIL";
      String error = "e".repeat(255) + "TAIL";

      record(new AttemptResult(200, body, error, 1, null));

      assertThat(theAttempt().getResponseExcerpt()).isEqualTo("b".repeat(1024));
      assertThat(theAttempt().getError()).isEqualTo("e".repeat(255));
    }
  }

  @Nested
  class AFailure {

    @Test
    void schedulesTheNextAttemptWithinTheJitteredDelay() {
      assertThat(record(status(503))).isEqualTo(Result.RETRY_SCHEDULED);

      assertThat(message.getStatus()).isEqualTo(MessageEntity.PENDING);
      assertThat(message.getFinishedAt()).isNull();
      assertNextAttemptWithin(Duration.ofSeconds(4), Duration.ofSeconds(6));
    }

    @Test
    void waitsLongerAfterEachFailure() {
      message.setAttempts(2);

      record(status(500));

      assertNextAttemptWithin(Duration.ofMinutes(24), Duration.ofMinutes(36));
    }

    @Test
    void withoutAResponseIsRetriedWithTheErrorLogged() {
      assertThat(record(new AttemptResult(null, null, "connect timed out", 10_000, null)))
          .isEqualTo(Result.RETRY_SCHEDULED);

      assertThat(theAttempt().getStatusCode()).isNull();
      assertThat(theAttempt().getError()).isEqualTo("connect timed out");
    }

    @Test
    void waitsForARetryAfterLongerThanTheSchedule() {
      record(
          new AttemptResult(429, null, null, 1, Duration.ofSeconds(7)), fixed(Math.nextDown(1.0)));

      assertNextAttemptWithin(Duration.ofSeconds(7), Duration.ofSeconds(7));
    }

    @Test
    void keepsToTheScheduleWhenRetryAfterIsShorter() {
      record(new AttemptResult(503, null, null, 1, Duration.ofSeconds(3)), fixed(0.0));

      assertNextAttemptWithin(Duration.ofSeconds(4), Duration.ofSeconds(4));
    }

    @Test
    void onTheLastAttemptFailsTheMessage() {
      message.setAttempts(7);

      assertThat(record(new AttemptResult(500, null, null, 1, Duration.ofHours(1))))
          .isEqualTo(Result.FAILED);

      assertThat(message.getStatus()).isEqualTo(MessageEntity.FAILED);
      assertThat(message.getFinishedAt()).isBetween(before, after);
      assertThat(theAttempt().getAttemptNo()).isEqualTo(8);
    }
  }

  @Nested
  class Gone {

    @Test
    void failsTheMessageAndDisablesTheEndpointWithAReason() {
      assertThat(record(status(410))).isEqualTo(Result.ENDPOINT_DISABLED);

      assertThat(message.getStatus()).isEqualTo(MessageEntity.FAILED);
      assertThat(message.getFinishedAt()).isBetween(before, after);
      assertThat(endpoint.isEnabled()).isFalse();
      assertThat(endpoint.getDisabledReason()).contains("410");
    }
  }
}

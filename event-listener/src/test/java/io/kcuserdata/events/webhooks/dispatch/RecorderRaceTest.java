package io.kcuserdata.events.webhooks.dispatch;

import static io.kcuserdata.events.webhooks.dispatch.RetryScheduleTest.fixed;
import static org.assertj.core.api.Assertions.assertThat;

import io.kcuserdata.events.webhooks.dispatch.Recorder.Result;
import io.kcuserdata.events.webhooks.store.MessageEntity;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Recording an attempt when another node got there first, or the message is gone. */
class RecorderRaceTest extends RecorderFixture {

  @Nested
  class TheLease {

    @Test
    void isReleasedWhenItIsStillOurs() {
      record(status(500));

      assertThat(message.getLeaseOwner()).isNull();
      assertThat(message.getLeaseUntil()).isNull();
    }

    @Test
    void isLeftToTheNodeThatTookItOverButTheAttemptIsLogged() {
      message.setLeaseOwner("node-b:9c8d");
      message.setLeaseUntil(99L);

      record(status(500));

      assertThat(message.getLeaseOwner()).isEqualTo("node-b:9c8d");
      assertThat(message.getLeaseUntil()).isEqualTo(99L);
      assertThat(theAttempt().getAttemptNo()).isEqualTo(1);
    }
  }

  @Nested
  class AMessageAlreadyFinished {

    @Test
    void byAnotherNodeStaysDelivered() {
      message.setStatus(MessageEntity.DELIVERED);
      message.setFinishedAt(123L);
      message.setNextAttemptAt(456L);

      assertThat(record(status(500))).isEqualTo(Result.DELIVERED);

      assertThat(message.getStatus()).isEqualTo(MessageEntity.DELIVERED);
      assertThat(message.getFinishedAt()).isEqualTo(123L);
      assertThat(message.getNextAttemptAt()).isEqualTo(456L);
      assertThat(theAttempt().getStatusCode()).isEqualTo(500);
    }

    @Test
    void orDeletedMeanwhileIsLeftAlone() {
      InMemoryEntityManager empty = new InMemoryEntityManager();

      assertThat(
              new Recorder(RetrySchedule.standard(), fixed(0.5))
                  .record(empty.em, CLAIMED, status(200)))
          .isEqualTo(Result.GONE_MEANWHILE);
      assertThat(empty.persisted(Object.class)).isEmpty();
    }
  }
}

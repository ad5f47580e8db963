package io.kcuserdata.events.webhooks.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.kcuserdata.events.webhooks.dispatch.Recorder.Result;
import io.kcuserdata.events.webhooks.store.AttemptEntity;
import io.kcuserdata.events.webhooks.store.EndpointEntity;
import io.kcuserdata.events.webhooks.store.MessageEntity;
import java.net.URI;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * A pending message of an enabled endpoint, leased by this node, in an in-memory database; and the
 * recorder writing one attempt's outcome into it.
 */
abstract class RecorderFixture {

  static final String LEASE = "node-a:1f2e";

  static final Claimed CLAIMED =
      new Claimed("msg_1", "ep-1", URI.create("https://x.example/"), "{}", 0, LEASE, 0);

  final InMemoryEntityManager db = new InMemoryEntityManager();
  final EndpointEntity endpoint = new EndpointEntity();
  final MessageEntity message = new MessageEntity();
  long before;
  long after;

  RecorderFixture() {
    endpoint.setId("ep-1");
    endpoint.setEnabled(true);
    message.setId("msg_1");
    message.setEndpointId("ep-1");
    message.setStatus(MessageEntity.PENDING);
    message.setLeaseOwner(LEASE);
    message.setLeaseUntil(1L);
    db.add(endpoint);
    db.add(message);
  }

  Result record(AttemptResult result) {
    return record(result, new SplittableRandom(7));
  }

  Result record(AttemptResult result, RandomGenerator random) {
    before = System.currentTimeMillis();
    Result outcome = new Recorder(RetrySchedule.standard(), random).record(db.em, CLAIMED, result);
    after = System.currentTimeMillis();
    return outcome;
  }

  static AttemptResult status(Integer status) {
    return new AttemptResult(status, null, null, 25, null);
  }

  AttemptEntity theAttempt() {
    assertThat(db.persisted(AttemptEntity.class)).hasSize(1);
    return db.persisted(AttemptEntity.class).get(0);
  }

  void assertNextAttemptWithin(Duration least, Duration most) {
    assertThat(message.getNextAttemptAt())
        .isBetween(before + least.toMillis(), after + most.toMillis());
  }
}

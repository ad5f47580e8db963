package io.kcuserdata.events.webhooks.dispatch;

import io.kcuserdata.events.webhooks.store.AttemptEntity;
import io.kcuserdata.events.webhooks.store.EndpointEntity;
import io.kcuserdata.events.webhooks.store.MessageEntity;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.random.RandomGenerator;

/** Writes an attempt's outcome: the delivery log row, and the message's next state. */
public final class Recorder {

  /** What became of the message. */
  public enum Result {
    DELIVERED,
    RETRY_SCHEDULED,
    FAILED,
    ENDPOINT_DISABLED,
    /** Deleted meanwhile (endpoint or realm removed): nothing to record. */
    GONE_MEANWHILE
  }

  static final int EXCERPT_CHARS = 1024;

  private final RetrySchedule schedule;
  private final RandomGenerator random;

  public Recorder(RetrySchedule schedule, RandomGenerator random) {
    this.schedule = schedule;
    this.random = random;
  }

  /**
   * Loads the messages of many finished attempts with one query rather than one each: {@link
   * #record} then finds them in the persistence context.
   */
  public static void load(EntityManager em, List<String> messageIds) {
    if (messageIds.size() > 1) {
      em.createQuery(
              "select m from UserDataWebhookMessage m where m.id in :ids", MessageEntity.class)
          .setParameter("ids", messageIds)
          .getResultList();
    }
  }

  public Result record(EntityManager em, Claimed claimed, AttemptResult result) {
    MessageEntity message = em.find(MessageEntity.class, claimed.messageId());
    if (message == null) {
      return Result.GONE_MEANWHILE;
    }
    long now = System.currentTimeMillis();
    int attemptNo = message.getAttempts() + 1;
    AttemptEntity attempt = new AttemptEntity();
    attempt.setId(UUID.randomUUID().toString());
    attempt.setMessageId(message.getId());
    attempt.setAttemptNo(attemptNo);
    attempt.setAttemptedAt(now - result.latencyMillis());
    attempt.setStatusCode(result.status());
    attempt.setLatencyMs(result.latencyMillis());
    attempt.setResponseExcerpt(excerpt(result.excerpt()));
    attempt.setError(result.error() == null ? null : cut(result.error(), 255));
    em.persist(attempt);

    message.setAttempts(attemptNo);
    if (claimed.leaseOwner().equals(message.getLeaseOwner())) {
      message.setLeaseOwner(null);
      message.setLeaseUntil(null);
    }
    if (MessageEntity.DELIVERED.equals(message.getStatus())) {
      // Another node delivered it after our lease ran out: at least once, as promised.
      return Result.DELIVERED;
    }
    message.setLastStatus(result.status());
    switch (result.verdict()) {
      case DELIVERED:
        finish(message, MessageEntity.DELIVERED, now);
        return Result.DELIVERED;
      case GONE:
        finish(message, MessageEntity.FAILED, now);
        EndpointEntity endpoint = em.find(EndpointEntity.class, message.getEndpointId());
        if (endpoint != null) {
          endpoint.setEnabled(false);
          endpoint.setDisabledReason("the receiver answered 410 Gone");
        }
        return Result.ENDPOINT_DISABLED;
      default:
        Optional<Duration> next = schedule.next(attemptNo, random);
        if (next.isEmpty()) {
          finish(message, MessageEntity.FAILED, now);
          return Result.FAILED;
        }
        Duration wait = next.get();
        if (result.retryAfter() != null && result.retryAfter().compareTo(wait) > 0) {
          wait = result.retryAfter();
        }
        message.setNextAttemptAt(now + wait.toMillis());
        return Result.RETRY_SCHEDULED;
    }
  }

  private static void finish(MessageEntity message, String status, long now) {
    message.setStatus(status);
    message.setFinishedAt(now);
  }

  private static String excerpt(String body) {
    return body == null ? null : cut(body, EXCERPT_CHARS);
  }

  private static String cut(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max);
  }
}

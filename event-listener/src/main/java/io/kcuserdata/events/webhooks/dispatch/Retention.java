package io.kcuserdata.events.webhooks.dispatch;

import io.kcuserdata.events.webhooks.store.MessageEntity;
import io.kcuserdata.events.webhooks.store.MessageRemoval;
import jakarta.persistence.EntityManager;
import java.time.Duration;

/** Removes finished messages (and their attempts) once they are older than kept. */
public final class Retention {

  private Retention() {}

  /**
   * Removes up to one chunk of delivered and one of failed messages past their time.
   *
   * @return whether a chunk was full, so more may be waiting
   */
  public static boolean purgeChunk(EntityManager em, Duration keepDelivered, Duration keepFailed) {
    long now = System.currentTimeMillis();
    MessageRemoval removal = new MessageRemoval(em);
    int delivered = chunk(removal, MessageEntity.DELIVERED, now - keepDelivered.toMillis());
    int failed = chunk(removal, MessageEntity.FAILED, now - keepFailed.toMillis());
    return delivered == MessageRemoval.CHUNK || failed == MessageRemoval.CHUNK;
  }

  private static int chunk(MessageRemoval removal, String status, long finishedBefore) {
    return removal.chunk(
        "m.status = :status and m.finishedAt < :before",
        q -> q.setParameter("status", status).setParameter("before", finishedBefore));
  }
}

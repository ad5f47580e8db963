package io.kcuserdata.events.webhooks.dispatch;

import io.kcuserdata.events.webhooks.store.MessageEntity;
import jakarta.persistence.EntityManager;
import java.time.Duration;

/** Removes finished messages (and their attempts) once they are older than kept. */
public final class Retention {

  private Retention() {}

  /**
   * @return how many messages were removed
   */
  public static int purge(EntityManager em, Duration keepDelivered, Duration keepFailed) {
    long now = System.currentTimeMillis();
    return purge(em, MessageEntity.DELIVERED, now - keepDelivered.toMillis())
        + purge(em, MessageEntity.FAILED, now - keepFailed.toMillis());
  }

  private static int purge(EntityManager em, String status, long finishedBefore) {
    em.createQuery(
            "delete from UserDataWebhookAttempt a where a.messageId in (select m.id from"
                + " UserDataWebhookMessage m where m.status = :status and m.finishedAt < :before)")
        .setParameter("status", status)
        .setParameter("before", finishedBefore)
        .executeUpdate();
    return em.createQuery(
            "delete from UserDataWebhookMessage m where m.status = :status and m.finishedAt <"
                + " :before")
        .setParameter("status", status)
        .setParameter("before", finishedBefore)
        .executeUpdate();
  }
}

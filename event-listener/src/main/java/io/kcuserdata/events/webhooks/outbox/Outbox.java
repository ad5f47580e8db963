package io.kcuserdata.events.webhooks.outbox;

import io.kcuserdata.events.webhooks.store.MessageEntity;
import jakarta.persistence.EntityManager;
import java.util.UUID;

/**
 * Queues messages in the caller's database transaction: they commit with the change that caused
 * them, or not at all. Nothing is sent here.
 */
public final class Outbox {

  private final EntityManager em;

  public Outbox(EntityManager em) {
    this.em = em;
  }

  /**
   * @return the message id, which is also its {@code webhook-id}
   */
  public String enqueue(String realmId, String endpointId, String eventType, String payload) {
    MessageEntity message = new MessageEntity();
    String id = newId();
    message.setId(id);
    message.setRealmId(realmId);
    message.setEndpointId(endpointId);
    message.setEventType(eventType);
    message.setPayload(payload);
    message.setStatus(MessageEntity.PENDING);
    message.setAttempts(0);
    long now = System.currentTimeMillis();
    message.setCreatedAt(now);
    message.setNextAttemptAt(now);
    em.persist(message);
    return id;
  }

  public static String newId() {
    return "msg_" + UUID.randomUUID().toString().replace("-", "");
  }
}

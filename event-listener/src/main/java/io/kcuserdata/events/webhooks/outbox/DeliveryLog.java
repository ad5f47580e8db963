package io.kcuserdata.events.webhooks.outbox;

import io.kcuserdata.events.webhooks.catalog.PayloadExtra;
import io.kcuserdata.events.webhooks.store.AttemptEntity;
import io.kcuserdata.events.webhooks.store.MessageEntity;
import jakarta.persistence.EntityManager;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** An endpoint's messages and their attempts, newest first, for the admin API. */
public final class DeliveryLog {

  /** One message as the admin API shows it. */
  public record Delivery(MessageEntity message, List<AttemptEntity> attempts) {}

  public static final int MAX_PAGE = 200;

  private final EntityManager em;

  public DeliveryLog(EntityManager em) {
    this.em = em;
  }

  /**
   * @param status PENDING, DELIVERED or FAILED; null for all
   */
  public List<Delivery> of(String endpointId, String status, int first, int max) {
    String filter = status == null ? "" : " and m.status = :status";
    var query =
        em.createQuery(
                "select m from UserDataWebhookMessage m where m.endpointId = :endpoint"
                    + filter
                    + " order by m.createdAt desc, m.id",
                MessageEntity.class)
            .setParameter("endpoint", endpointId)
            .setFirstResult(Math.max(0, first))
            .setMaxResults(Math.max(1, Math.min(MAX_PAGE, max)));
    if (status != null) {
      query.setParameter("status", status);
    }
    List<MessageEntity> messages = query.getResultList();
    if (messages.isEmpty()) {
      return List.of();
    }
    Map<String, List<AttemptEntity>> attempts =
        em.createQuery(
                "select a from UserDataWebhookAttempt a where a.messageId in :ids"
                    + " order by a.attemptNo",
                AttemptEntity.class)
            .setParameter("ids", messages.stream().map(MessageEntity::getId).toList())
            .getResultStream()
            .collect(Collectors.groupingBy(AttemptEntity::getMessageId));
    return messages.stream()
        .map(m -> new Delivery(m, attempts.getOrDefault(m.getId(), List.of())))
        .toList();
  }

  /** One message of {@code endpointId}; empty when the endpoint has no such message. */
  public Optional<MessageEntity> message(String endpointId, String messageId) {
    MessageEntity message = em.find(MessageEntity.class, messageId);
    return message == null || !message.getEndpointId().equals(endpointId)
        ? Optional.empty()
        : Optional.of(message);
  }

  /**
   * What the messages of {@code endpointId} still waiting for an attempt carry beyond their event:
   * they go to the endpoint's URL whatever the endpoint asks for now.
   */
  public Set<PayloadExtra> carriedByPending(String endpointId) {
    Set<PayloadExtra> carried = EnumSet.noneOf(PayloadExtra.class);
    for (PayloadExtra extra : PayloadExtra.values()) {
      boolean found =
          !em.createQuery(
                  "select m.id from UserDataWebhookMessage m where m.endpointId = :endpoint"
                      + " and m.status = :pending and m.payload like :pattern escape '!'",
                  String.class)
              .setParameter("endpoint", endpointId)
              .setParameter("pending", MessageEntity.PENDING)
              .setParameter("pattern", extra.storedPattern())
              .setMaxResults(1)
              .getResultList()
              .isEmpty();
      if (found) {
        carried.add(extra);
      }
    }
    return carried;
  }

  /**
   * Queues a message of {@code endpointId} for one more attempt now, whatever its state.
   *
   * @return false when there is no such message
   */
  public boolean retry(String endpointId, String messageId) {
    Optional<MessageEntity> found = message(endpointId, messageId);
    if (found.isEmpty()) {
      return false;
    }
    MessageEntity message = found.get();
    message.setStatus(MessageEntity.PENDING);
    message.setFinishedAt(null);
    message.setNextAttemptAt(System.currentTimeMillis());
    message.setLeaseOwner(null);
    message.setLeaseUntil(null);
    return true;
  }
}

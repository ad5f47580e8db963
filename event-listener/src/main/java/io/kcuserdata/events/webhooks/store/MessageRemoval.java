package io.kcuserdata.events.webhooks.store;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Removes messages and their attempts a chunk at a time: the ids first, then both tables by those
 * ids. A single {@code delete … where messageId in (select …)} would be simpler, but H2 runs the
 * subquery again for every row it deletes (each deletion invalidates its cached result), so
 * removing a realm with a week of deliveries took minutes of CPU on a request thread.
 */
public final class MessageRemoval {

  public static final int CHUNK = 500;

  private final EntityManager em;

  public MessageRemoval(EntityManager em) {
    this.em = em;
  }

  /**
   * Removes at most one chunk of the messages {@code where} selects, with their attempts.
   *
   * @param where a condition on {@code m}, the message
   * @param parameters binds the condition's parameters
   * @return how many messages it found (and removed, unless another transaction did first): fewer
   *     than {@link #CHUNK} means none are left
   */
  public int chunk(String where, UnaryOperator<TypedQuery<String>> parameters) {
    List<String> ids =
        parameters
            .apply(
                em.createQuery(
                    "select m.id from UserDataWebhookMessage m where " + where, String.class))
            .setMaxResults(CHUNK)
            .getResultList();
    if (ids.isEmpty()) {
      return 0;
    }
    em.createQuery("delete from UserDataWebhookAttempt a where a.messageId in :ids")
        .setParameter("ids", ids)
        .executeUpdate();
    em.createQuery("delete from UserDataWebhookMessage m where m.id in :ids")
        .setParameter("ids", ids)
        .executeUpdate();
    return ids.size();
  }

  /**
   * Removes every message {@code where} selects, with their attempts, in the caller's transaction.
   */
  public void all(String where, UnaryOperator<TypedQuery<String>> parameters) {
    while (chunk(where, parameters) == CHUNK) {
      // more may be left
    }
  }
}

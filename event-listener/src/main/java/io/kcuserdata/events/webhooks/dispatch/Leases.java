package io.kcuserdata.events.webhooks.dispatch;

import io.kcuserdata.events.webhooks.store.MessageEntity;
import jakarta.persistence.EntityManager;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * Claims due messages for this node with a lease: one conditional UPDATE marks a batch with a fresh
 * token, and only rows still unleased (or whose lease ran out) take it. Several Keycloak nodes
 * sharing the database therefore never lease one message twice at once; when a node dies, its
 * leases run out and another node delivers.
 */
public final class Leases {

  private final String node;

  public Leases(String node) {
    this.node = node;
  }

  public List<Claimed> claim(EntityManager em, int batch, Duration lease) {
    long now = System.currentTimeMillis();
    List<Object[]> due =
        em.createQuery(
                "select m.id, m.endpointId, e.url, m.payload, m.attempts, m.createdAt"
                    + " from UserDataWebhookMessage m, UserDataWebhookEndpoint e"
                    + " where e.id = m.endpointId and e.enabled = true and m.status = :pending"
                    + " and m.nextAttemptAt <= :now"
                    + " and (m.leaseUntil is null or m.leaseUntil < :now)"
                    + " order by m.nextAttemptAt",
                Object[].class)
            .setParameter("pending", MessageEntity.PENDING)
            .setParameter("now", now)
            .setMaxResults(batch)
            .getResultList();
    if (due.isEmpty()) {
      return List.of();
    }
    String token = node + ":" + UUID.randomUUID();
    int leased =
        em.createQuery(
                "update UserDataWebhookMessage m set m.leaseOwner = :token, m.leaseUntil = :until"
                    + " where m.id in :ids and m.status = :pending"
                    + " and (m.leaseUntil is null or m.leaseUntil < :now)")
            .setParameter("token", token)
            .setParameter("until", now + lease.toMillis())
            .setParameter("ids", due.stream().map(row -> (String) row[0]).toList())
            .setParameter("pending", MessageEntity.PENDING)
            .setParameter("now", now)
            .executeUpdate();
    if (leased == due.size()) {
      // The usual case: no other node took any of them between the two statements.
      return due.stream().map(row -> claimed(row, token)).toList();
    }
    if (leased == 0) {
      return List.of();
    }
    return em.createQuery(
            "select m.id, m.endpointId, e.url, m.payload, m.attempts, m.createdAt"
                + " from UserDataWebhookMessage m, UserDataWebhookEndpoint e"
                + " where e.id = m.endpointId and m.leaseOwner = :token",
            Object[].class)
        .setParameter("token", token)
        .getResultStream()
        .map(row -> claimed(row, token))
        .toList();
  }

  private static Claimed claimed(Object[] row, String token) {
    return new Claimed(
        (String) row[0],
        (String) row[1],
        URI.create((String) row[2]),
        (String) row[3],
        ((Number) row[4]).intValue(),
        token,
        ((Number) row[5]).longValue());
  }
}

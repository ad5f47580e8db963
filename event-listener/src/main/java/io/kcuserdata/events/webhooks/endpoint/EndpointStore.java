package io.kcuserdata.events.webhooks.endpoint;

import io.kcuserdata.core.secrets.SecretCipher;
import io.kcuserdata.core.signing.WebhookSecret;
import io.kcuserdata.events.webhooks.store.EndpointEntity;
import io.kcuserdata.events.webhooks.store.MessageRemoval;
import jakarta.persistence.EntityManager;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The endpoints of realms, in the session's JPA transaction. */
public final class EndpointStore {

  /** An endpoint just created or given a new secret: the only time the secret is shown. */
  public record WithSecret(Endpoint endpoint, String secret) {}

  private final EntityManager em;
  private final SecretCipher cipher;

  public EndpointStore(EntityManager em, SecretCipher cipher) {
    this.em = em;
    this.cipher = cipher;
  }

  public WithSecret create(
      String realmId,
      URI url,
      EventPatterns events,
      boolean enabled,
      String description,
      boolean includeAppMetadata) {
    return create(
        UUID.randomUUID().toString(),
        realmId,
        url,
        events,
        enabled,
        description,
        includeAppMetadata,
        WebhookSecret.generate());
  }

  /**
   * As above with the id and secret chosen by the caller: the admin console's page keys an endpoint
   * by its component's id, and an admin may paste a secret generated elsewhere.
   */
  public WithSecret create(
      String id,
      String realmId,
      URI url,
      EventPatterns events,
      boolean enabled,
      String description,
      boolean includeAppMetadata,
      WebhookSecret secret) {
    EndpointEntity entity = new EndpointEntity();
    entity.setId(id);
    entity.setRealmId(realmId);
    entity.setCreatedAt(System.currentTimeMillis());
    apply(entity, url, events, enabled, description, includeAppMetadata);
    entity.setSecret(cipher.seal(secret.encoded()));
    em.persist(entity);
    return new WithSecret(toEndpoint(entity), secret.encoded());
  }

  public Optional<Endpoint> update(
      String realmId,
      String id,
      URI url,
      EventPatterns events,
      boolean enabled,
      String description,
      boolean includeAppMetadata) {
    return find(realmId, id)
        .map(
            entity -> {
              apply(entity, url, events, enabled, description, includeAppMetadata);
              if (enabled) {
                entity.setDisabledReason(null);
              }
              return toEndpoint(entity);
            });
  }

  /** A new secret; the old one keeps signing (a second signature) for {@code overlap}. */
  public Optional<WithSecret> rotate(String realmId, String id, Duration overlap) {
    return rotate(realmId, id, overlap, WebhookSecret.generate());
  }

  /** As above with a secret the admin chose. */
  public Optional<WithSecret> rotate(
      String realmId, String id, Duration overlap, WebhookSecret next) {
    return find(realmId, id)
        .map(
            entity -> {
              String secret = next.encoded();
              entity.setPreviousSecret(entity.getSecret());
              entity.setPreviousSecretUntil(System.currentTimeMillis() + overlap.toMillis());
              entity.setSecret(cipher.seal(secret));
              return new WithSecret(toEndpoint(entity), secret);
            });
  }

  /** The secrets that sign a message now: the current one, and the previous during overlap. */
  public List<WebhookSecret> signingSecrets(String id) {
    EndpointEntity entity = em.find(EndpointEntity.class, id);
    List<WebhookSecret> secrets = new ArrayList<>();
    if (entity == null) {
      return secrets;
    }
    secrets.add(WebhookSecret.parse(cipher.open(entity.getSecret())));
    Long until = entity.getPreviousSecretUntil();
    if (entity.getPreviousSecret() != null && until != null && until > System.currentTimeMillis()) {
      secrets.add(WebhookSecret.parse(cipher.open(entity.getPreviousSecret())));
    }
    return secrets;
  }

  public void disable(String id, String reason) {
    EndpointEntity entity = em.find(EndpointEntity.class, id);
    if (entity != null) {
      entity.setEnabled(false);
      entity.setDisabledReason(reason);
    }
  }

  public boolean delete(String realmId, String id) {
    Optional<EndpointEntity> entity = find(realmId, id);
    entity.ifPresent(
        e -> {
          new MessageRemoval(em).all("m.endpointId = :id", q -> q.setParameter("id", id));
          em.remove(e);
        });
    return entity.isPresent();
  }

  public List<Endpoint> list(String realmId) {
    return em.createQuery(
            "select e from UserDataWebhookEndpoint e where e.realmId = :realm order by e.createdAt",
            EndpointEntity.class)
        .setParameter("realm", realmId)
        .getResultStream()
        .map(EndpointStore::toEndpoint)
        .toList();
  }

  public Optional<Endpoint> get(String realmId, String id) {
    return find(realmId, id).map(EndpointStore::toEndpoint);
  }

  /** Everything of a realm that is being removed. */
  public void deleteRealm(String realmId) {
    new MessageRemoval(em).all("m.realmId = :realm", q -> q.setParameter("realm", realmId));
    em.createQuery("delete from UserDataWebhookEndpoint e where e.realmId = :realm")
        .setParameter("realm", realmId)
        .executeUpdate();
  }

  private Optional<EndpointEntity> find(String realmId, String id) {
    EndpointEntity entity = em.find(EndpointEntity.class, id);
    return entity != null && entity.getRealmId().equals(realmId)
        ? Optional.of(entity)
        : Optional.empty();
  }

  private static void apply(
      EndpointEntity entity,
      URI url,
      EventPatterns events,
      boolean enabled,
      String description,
      boolean includeAppMetadata) {
    entity.setUrl(url.toString());
    entity.setEvents(events.stored());
    entity.setEnabled(enabled);
    entity.setDescription(description);
    entity.setIncludeAppMetadata(includeAppMetadata);
  }

  static Endpoint toEndpoint(EndpointEntity e) {
    return new Endpoint(
        e.getId(),
        e.getRealmId(),
        URI.create(e.getUrl()),
        EventPatterns.fromStored(e.getEvents()),
        e.isEnabled(),
        e.getDescription(),
        e.isIncludeAppMetadata(),
        e.getDisabledReason(),
        e.getCreatedAt());
  }
}

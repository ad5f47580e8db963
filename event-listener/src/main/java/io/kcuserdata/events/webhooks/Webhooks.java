package io.kcuserdata.events.webhooks;

import io.kcuserdata.core.secrets.SecretCipher;
import io.kcuserdata.events.webhooks.dispatch.Dispatcher;
import io.kcuserdata.events.webhooks.endpoint.Endpoint;
import io.kcuserdata.events.webhooks.endpoint.EndpointStore;
import io.kcuserdata.events.webhooks.endpoint.Subscriptions;
import io.kcuserdata.events.webhooks.outbox.DeliveryLog;
import io.kcuserdata.events.webhooks.outbox.Outbox;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.models.AbstractKeycloakTransaction;
import org.keycloak.models.KeycloakSession;

/**
 * The webhooks of this server, for the event listener and the admin API: endpoints, the delivery
 * log, the subscription cache and the dispatcher to wake after a commit.
 */
public final class Webhooks {

  public static final String LISTENER_ID = "userdata-webhooks";

  private final SecretCipher cipher;
  private final Subscriptions subscriptions = new Subscriptions();
  private final Duration rotationOverlap;
  private volatile Dispatcher dispatcher;

  public Webhooks(SecretCipher cipher, Duration rotationOverlap) {
    this.cipher = cipher;
    this.rotationOverlap = rotationOverlap;
  }

  /** The server's webhooks, or null when the listener is not installed. */
  public static Webhooks of(KeycloakSession session) {
    Object factory =
        session
            .getKeycloakSessionFactory()
            .getProviderFactory(EventListenerProvider.class, LISTENER_ID);
    return factory instanceof WebhooksHolder holder ? holder.webhooks() : null;
  }

  /** Implemented by the listener factory, which owns the instance. */
  public interface WebhooksHolder {
    Webhooks webhooks();
  }

  public EndpointStore endpoints(KeycloakSession session) {
    return new EndpointStore(em(session), cipher);
  }

  public DeliveryLog deliveries(KeycloakSession session) {
    return new DeliveryLog(em(session));
  }

  /**
   * Queues one message for one endpoint in the session's transaction and wakes the dispatcher after
   * the commit.
   *
   * @return the message id ({@code webhook-id})
   */
  public String enqueue(
      KeycloakSession session, String realmId, String endpointId, String type, String payload) {
    String id = new Outbox(em(session)).enqueue(realmId, endpointId, type, payload);
    wakeAfterCommit(session);
    return id;
  }

  /** The realm's enabled endpoints, cached. */
  public List<Endpoint> subscribed(KeycloakSession session, String realmId) {
    return subscriptions.of(realmId, id -> endpoints(session).list(id));
  }

  /** An endpoint of the realm was created, changed or removed. */
  public void changed(String realmId) {
    subscriptions.changed(realmId);
  }

  /** Some endpoint changed outside a realm's admin API (a receiver's 410 disabled it). */
  public void changedAll() {
    subscriptions.changedAll();
  }

  public Duration rotationOverlap() {
    return rotationOverlap;
  }

  public SecretCipher cipher() {
    return cipher;
  }

  public void dispatcher(Dispatcher dispatcher) {
    this.dispatcher = dispatcher;
  }

  /** Wakes the dispatcher once this session's transaction has committed. */
  public void wakeAfterCommit(KeycloakSession session) {
    session
        .getTransactionManager()
        .enlistAfterCompletion(
            new AbstractKeycloakTransaction() {
              @Override
              protected void commitImpl() {
                Dispatcher current = dispatcher;
                if (current != null) {
                  current.wake();
                }
              }

              @Override
              protected void rollbackImpl() {}
            });
  }

  static EntityManager em(KeycloakSession session) {
    return session.getProvider(JpaConnectionProvider.class).getEntityManager();
  }
}

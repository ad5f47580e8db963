package io.kcuserdata.events.webhooks.dispatch;

import io.kcuserdata.core.signing.WebhookSecret;
import io.kcuserdata.events.webhooks.endpoint.EndpointStore;
import io.kcuserdata.events.webhooks.endpoint.SecretCipher;
import io.kcuserdata.events.webhooks.metrics.WebhookMetrics;
import jakarta.persistence.EntityManager;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.jboss.logging.Logger;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * Delivers queued messages in the background, never on a request thread: a poller claims due
 * messages (woken right after a commit that queued some, else every poll interval) and hands them
 * to a fixed pool of workers; each attempt's outcome is recorded in its own transaction. No HTTP
 * call runs inside a database transaction.
 */
public final class Dispatcher implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(Dispatcher.class);
  private static final long HOUSEKEEPING_MILLIS = 30_000;

  private final KeycloakSessionFactory factory;
  private final DispatchSettings settings;
  private final Sender sender;
  private final SecretCipher cipher;
  private final WebhookMetrics metrics;
  private final Consumer<String> endpointDisabled;
  private final Leases leases;
  private final Recorder recorder;
  private final Semaphore wake = new Semaphore(0);
  private final Semaphore slots;
  private final ExecutorService workers;
  private final Thread poller;
  private volatile boolean running = true;
  private long nextHousekeeping;

  /**
   * @param endpointDisabled told the realm id when a 410 disabled one of its endpoints
   */
  public Dispatcher(
      KeycloakSessionFactory factory,
      DispatchSettings settings,
      Sender sender,
      SecretCipher cipher,
      WebhookMetrics metrics,
      Consumer<String> endpointDisabled) {
    this.factory = factory;
    this.settings = settings;
    this.sender = sender;
    this.cipher = cipher;
    this.metrics = metrics;
    this.endpointDisabled = endpointDisabled;
    this.leases = new Leases(nodeName());
    // Asked on each use: a ThreadLocalRandom captured once would be shared by every worker.
    this.recorder = new Recorder(settings.schedule(), () -> ThreadLocalRandom.current().nextLong());
    this.slots = new Semaphore(settings.workers());
    AtomicInteger n = new AtomicInteger();
    this.workers =
        Executors.newFixedThreadPool(
            settings.workers(), r -> daemon(r, "userdata-webhooks-" + n.incrementAndGet()));
    this.poller = daemon(this::poll, "userdata-webhooks-poller");
  }

  public void start() {
    poller.start();
  }

  /** Something was queued and committed: look now rather than at the next poll. */
  public void wake() {
    wake.release();
  }

  private void poll() {
    while (running) {
      try {
        slots.acquire();
        int free = 1 + slots.drainPermits();
        Batch batch = inTransaction(session -> claim(em(session), free));
        slots.release(free - batch.claimed().size());
        for (Claimed claimed : batch.claimed()) {
          workers.execute(() -> deliver(claimed, batch.secrets().get(claimed.endpointId())));
        }
        housekeepingIfDue();
        if (batch.claimed().size() < free) {
          wake.tryAcquire(settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
          wake.drainPermits();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        LOG.warnf(e, "Webhook dispatcher: could not claim messages; trying again");
        pause();
      }
    }
  }

  private record Batch(List<Claimed> claimed, Map<String, List<WebhookSecret>> secrets) {}

  private Batch claim(EntityManager em, int max) {
    List<Claimed> claimed = leases.claim(em, max, settings.lease());
    Map<String, List<WebhookSecret>> secrets = new HashMap<>();
    EndpointStore endpoints = new EndpointStore(em, cipher);
    for (Claimed c : claimed) {
      secrets.computeIfAbsent(c.endpointId(), endpoints::signingSecrets);
    }
    return new Batch(claimed, secrets);
  }

  private void deliver(Claimed claimed, List<WebhookSecret> secrets) {
    try {
      AttemptResult result =
          secrets == null || secrets.isEmpty()
              ? new AttemptResult(null, null, "the endpoint has no signing secret", 0, null)
              : sender.send(
                  claimed.url(),
                  claimed.messageId(),
                  claimed.payload().getBytes(StandardCharsets.UTF_8),
                  secrets);
      Recorder.Result outcome =
          inTransaction(session -> recorder.record(em(session), claimed, result));
      metrics.delivery(outcome.name().toLowerCase(Locale.ROOT), result.latencyMillis());
      if (outcome == Recorder.Result.ENDPOINT_DISABLED) {
        LOG.warnf("Webhook endpoint %s answered 410 Gone and is disabled", claimed.url().getHost());
        endpointDisabled.accept(claimed.endpointId());
      } else if (outcome == Recorder.Result.FAILED) {
        LOG.warnf(
            "Webhook message %s to %s failed after its last attempt (%s)",
            claimed.messageId(),
            claimed.url().getHost(),
            result.status() != null ? "HTTP " + result.status() : result.error());
      }
    } catch (RuntimeException e) {
      // The lease runs out and the message is tried again; nothing is lost.
      LOG.warnf(e, "Webhook message %s: could not record the attempt", claimed.messageId());
    } finally {
      slots.release();
    }
  }

  private void housekeepingIfDue() {
    long now = System.currentTimeMillis();
    if (now < nextHousekeeping) {
      return;
    }
    nextHousekeeping = now + HOUSEKEEPING_MILLIS;
    inTransaction(
        session -> {
          EntityManager em = em(session);
          Retention.purge(em, settings.keepDelivered(), settings.keepFailed());
          Object[] backlog =
              em.createQuery(
                      "select count(m), min(m.createdAt) from UserDataWebhookMessage m"
                          + " where m.status = 'PENDING'",
                      Object[].class)
                  .getSingleResult();
          long count = ((Number) backlog[0]).longValue();
          long oldest = backlog[1] == null ? now : ((Number) backlog[1]).longValue();
          metrics.backlog(count, Math.max(0, (now - oldest) / 1000));
          return null;
        });
  }

  private <T> T inTransaction(java.util.function.Function<KeycloakSession, T> work) {
    return KeycloakModelUtils.runJobInTransactionWithResult(factory, work::apply);
  }

  private static EntityManager em(KeycloakSession session) {
    return session.getProvider(JpaConnectionProvider.class).getEntityManager();
  }

  private void pause() {
    try {
      Thread.sleep(settings.pollInterval().toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String nodeName() {
    String jvm = ManagementFactory.getRuntimeMXBean().getName();
    String name = jvm.length() > 16 ? jvm.substring(0, 16) : jvm;
    return name + "/" + UUID.randomUUID().toString().substring(0, 8);
  }

  private static Thread daemon(Runnable runnable, String name) {
    Thread thread = new Thread(runnable, name);
    thread.setDaemon(true);
    return thread;
  }

  @Override
  public void close() {
    running = false;
    poller.interrupt();
    workers.shutdown();
    try {
      workers.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    sender.close();
  }
}

package io.kcuserdata.events.webhooks.dispatch;

import io.kcuserdata.core.secrets.SecretCipher;
import io.kcuserdata.core.signing.WebhookSecret;
import io.kcuserdata.events.webhooks.endpoint.EndpointStore;
import io.kcuserdata.events.webhooks.metrics.WebhookMetrics;
import jakarta.persistence.EntityManager;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
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
 * to a fixed pool of workers, which only make the HTTP calls; the poller records their outcomes in
 * batches, one transaction for many attempts. No HTTP call runs inside a database transaction.
 */
public final class Dispatcher implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(Dispatcher.class);
  private static final long HOUSEKEEPING_MILLIS = 30_000;
  private static final long PURGE_BUDGET_MILLIS = 2_000;

  /** While all workers are busy: how long to wait for one to finish before looking again. */
  private static final long ROOM_WAIT_MILLIS = 20;

  private final KeycloakSessionFactory factory;
  private final DispatchSettings settings;
  private final Sender sender;
  private final SecretCipher cipher;
  private final WebhookMetrics metrics;
  private final Consumer<String> endpointDisabled;
  private final Leases leases;
  private final Recorder recorder;
  private final Semaphore wake = new Semaphore(0);
  private final ConcurrentLinkedQueue<Finished> finished = new ConcurrentLinkedQueue<>();
  private final AtomicInteger inFlight = new AtomicInteger();

  /** Messages claimed and not yet recorded, at most: enough to keep every worker busy. */
  private final int capacity;

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
    this.capacity = settings.workers() * 25;
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
        List<Finished> done = drainFinished();
        int room = capacity - inFlight.get() + done.size();
        Step step = step(done, room);
        inFlight.addAndGet(step.claimed().claimed().size() - done.size());
        for (int i = 0; i < step.outcomes().size(); i++) {
          report(done.get(i), step.outcomes().get(i));
        }
        Batch batch = step.claimed();
        for (Claimed c : batch.claimed()) {
          workers.execute(() -> deliver(c, batch.secrets().get(c.endpointId())));
        }
        housekeepingIfDue();
        // At capacity, wait for a worker. A batch short of the room took everything due: looking
        // again at once would only cost an empty round, so wait for the next commit (or the
        // poll); what the workers finish meanwhile is recorded in that round. A full batch may
        // have left more due: look again at once.
        if (inFlight.get() >= capacity) {
          wake.tryAcquire(ROOM_WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } else if (batch.claimed().size() < room) {
          if (wake.tryAcquire(settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS)) {
            // Woken by a commit: let the commits (and finished deliveries) of the next moment
            // gather, so one transaction records and claims many rather than one.
            Thread.sleep(settings.batchWindow().toMillis());
          }
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

  private record Step(List<Recorder.Result> outcomes, Batch claimed) {}

  /**
   * Records what the workers finished and claims what is due, in one transaction. Should that fail,
   * the finished attempts are recorded one by one, so a single bad row costs only its own record
   * (its lease runs out and it is tried again), and nothing is claimed this round.
   */
  private Step step(List<Finished> done, int room) {
    try {
      return inTransaction(
          session -> {
            EntityManager em = em(session);
            Recorder.load(em, done.stream().map(f -> f.claimed().messageId()).toList());
            List<Recorder.Result> outcomes =
                done.stream().map(f -> recorder.record(em, f.claimed(), f.result())).toList();
            return new Step(outcomes, room > 0 ? claim(em, room) : Batch.NONE);
          });
    } catch (RuntimeException stepFailed) {
      if (done.isEmpty()) {
        throw stepFailed;
      }
      List<Recorder.Result> outcomes = new ArrayList<>();
      for (Finished f : done) {
        try {
          outcomes.add(
              inTransaction(session -> recorder.record(em(session), f.claimed(), f.result())));
        } catch (RuntimeException e) {
          LOG.warnf(e, "Webhook message %s: could not record the attempt", f.claimed().messageId());
          outcomes.add(Recorder.Result.GONE_MEANWHILE);
        }
      }
      return new Step(outcomes, Batch.NONE);
    }
  }

  private List<Finished> drainFinished() {
    List<Finished> done = new ArrayList<>();
    Finished next;
    while ((next = finished.poll()) != null) {
      done.add(next);
    }
    return done;
  }

  private record Batch(List<Claimed> claimed, Map<String, List<WebhookSecret>> secrets) {
    static final Batch NONE = new Batch(List.of(), Map.of());
  }

  private record Finished(Claimed claimed, AttemptResult result) {}

  private Batch claim(EntityManager em, int max) {
    List<Claimed> claimed = leases.claim(em, max, settings.lease());
    Map<String, List<WebhookSecret>> secrets = new HashMap<>();
    EndpointStore endpoints = new EndpointStore(em, cipher);
    for (Claimed c : claimed) {
      secrets.computeIfAbsent(c.endpointId(), endpoints::signingSecrets);
    }
    return new Batch(claimed, secrets);
  }

  /** On a worker: the HTTP call only; the outcome is recorded by the poller, in batches. */
  private void deliver(Claimed claimed, List<WebhookSecret> secrets) {
    AttemptResult result;
    try {
      result =
          secrets == null || secrets.isEmpty()
              ? new AttemptResult(null, null, "the endpoint has no signing secret", 0, null)
              : sender.send(
                  claimed.url(),
                  claimed.messageId(),
                  claimed.payload().getBytes(StandardCharsets.UTF_8),
                  secrets);
    } catch (RuntimeException e) {
      result =
          new AttemptResult(
              null, null, "unexpected error: " + e.getClass().getSimpleName(), 0, null);
    }
    finished.add(new Finished(claimed, result));
    if (inFlight.get() >= capacity) {
      wake.release(); // the poller waits for room
    }
  }

  private void report(Finished f, Recorder.Result outcome) {
    metrics.delivery(outcome.name().toLowerCase(Locale.ROOT), f.result().latencyMillis());
    if (outcome == Recorder.Result.ENDPOINT_DISABLED) {
      LOG.warnf(
          "Webhook endpoint %s answered 410 Gone and is disabled", f.claimed().url().getHost());
      endpointDisabled.accept(f.claimed().endpointId());
    } else if (outcome == Recorder.Result.FAILED) {
      LOG.warnf(
          "Webhook message %s to %s failed after its last attempt (%s)",
          f.claimed().messageId(),
          f.claimed().url().getHost(),
          f.result().status() != null ? "HTTP " + f.result().status() : f.result().error());
    }
  }

  private void housekeepingIfDue() {
    long now = System.currentTimeMillis();
    if (now < nextHousekeeping) {
      return;
    }
    nextHousekeeping = now + HOUSEKEEPING_MILLIS;
    // A chunk per transaction, for a bounded time: the poller also claims, and a purge that fell
    // behind (retention shortened, a node down for a day) catches up over several rounds.
    long purgeUntil = now + PURGE_BUDGET_MILLIS;
    while (inTransaction(
            session ->
                Retention.purgeChunk(em(session), settings.keepDelivered(), settings.keepFailed()))
        && System.currentTimeMillis() < purgeUntil) {
      // more may be waiting
    }
    inTransaction(
        session -> {
          EntityManager em = em(session);
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

package io.kcuserdata.events.status.fold;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.jboss.logging.Logger;
import org.keycloak.models.AbstractKeycloakTransaction;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * Folds recorded logins into the users' {@code status} in the background, many per transaction. A
 * login thus writes one row of the pack's own instead of the user: no user write, no eviction of
 * the user from Keycloak's cache, no lock on the user's row on the login path. How one round counts
 * (and what happens when nodes share the database) is {@link FoldRound}'s.
 */
public final class LoginFolder implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(LoginFolder.class);
  static final int BATCH = 500;

  private final long pollMillis;
  private final long windowMillis;
  private final Semaphore wake = new Semaphore(0);
  private final FoldRound round;
  private final Thread thread;
  private volatile boolean running = true;

  /**
   * @param pollMillis how often to look without being woken (rows of a node that stopped)
   * @param windowMillis how long logins gather after one woke the folder
   */
  public LoginFolder(KeycloakSessionFactory factory, long pollMillis, long windowMillis) {
    this.pollMillis = pollMillis;
    this.windowMillis = windowMillis;
    this.round =
        new FoldRound(
            new LoginRows.Transactions() {
              @Override
              public <T> T inTransaction(Function<LoginRows, T> work) {
                return KeycloakModelUtils.runJobInTransactionWithResult(
                    factory, session -> work.apply(new JpaLoginRows(session)));
              }
            },
            BATCH);
    this.thread = new Thread(this::run, "userdata-account-status");
    this.thread.setDaemon(true);
  }

  public void start() {
    thread.start();
  }

  /** Once the session's transaction has committed (its login rows are visible): fold soon. */
  public void wakeAfterCommit(KeycloakSession session) {
    session
        .getTransactionManager()
        .enlistAfterCompletion(
            new AbstractKeycloakTransaction() {
              @Override
              protected void commitImpl() {
                wake.release();
              }

              @Override
              protected void rollbackImpl() {}
            });
  }

  private void run() {
    while (running) {
      try {
        if (wake.tryAcquire(pollMillis, TimeUnit.MILLISECONDS)) {
          Thread.sleep(windowMillis);
        }
        wake.drainPermits();
        round.retryHeldBack();
        while (round.run() && running) {
          // A full batch: more may be waiting.
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        LOG.warnf("Account status: could not count recorded logins (%s); trying again", e);
        pause();
      }
    }
  }

  private void pause() {
    try {
      Thread.sleep(pollMillis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
  }
}

package io.kcuserdata.events.status.fold;

import io.kcuserdata.core.json.Json;
import io.kcuserdata.core.namespace.Namespace;
import io.kcuserdata.core.spi.UserModelAttributes;
import io.kcuserdata.core.storage.NamespaceStore;
import io.kcuserdata.core.storage.UserAttributes;
import io.kcuserdata.events.status.store.LoginRecordEntity;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.AbstractKeycloakTransaction;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.storage.ReadOnlyException;

/**
 * Folds recorded logins into the users' {@code status} in the background, many per transaction. A
 * login thus writes one row of the pack's own instead of the user: no user write, no eviction of
 * the user from Keycloak's cache, no lock on the user's row on the login path. Each batch deletes
 * its rows before it counts them, so when nodes share the database a row is counted by the one
 * whose delete took it; a batch that lost some rows to another node rolls back and is read again.
 */
public final class LoginFolder implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(LoginFolder.class);
  static final int BATCH = 500;

  private final KeycloakSessionFactory factory;
  private final long pollMillis;
  private final long windowMillis;
  private final Semaphore wake = new Semaphore(0);
  private final Thread thread;
  private volatile boolean running = true;

  /**
   * @param pollMillis how often to look without being woken (rows of a node that stopped)
   * @param windowMillis how long logins gather after one woke the folder
   */
  public LoginFolder(KeycloakSessionFactory factory, long pollMillis, long windowMillis) {
    this.factory = factory;
    this.pollMillis = pollMillis;
    this.windowMillis = windowMillis;
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
        int folded;
        do {
          folded = KeycloakModelUtils.runJobInTransactionWithResult(factory, this::foldBatch);
        } while (folded == BATCH && running);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        LOG.warnf("Account status: could not count recorded logins (%s); trying again", e);
        pause();
      }
    }
  }

  private int foldBatch(KeycloakSession session) {
    EntityManager em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
    List<LoginRecordEntity> rows =
        em.createQuery(
                "select r from UserDataLoginRecord r order by r.loginAt", LoginRecordEntity.class)
            .setMaxResults(BATCH)
            .getResultList();
    if (rows.isEmpty()) {
      return 0;
    }
    int taken =
        em.createQuery("delete from UserDataLoginRecord r where r.id in :ids")
            .setParameter("ids", rows.stream().map(LoginRecordEntity::getId).toList())
            .executeUpdate();
    if (taken != rows.size()) {
      throw new IllegalStateException("another node counted some of these logins meanwhile");
    }
    List<PendingLogins.Login> logins =
        rows.stream()
            .map(
                r ->
                    new PendingLogins.Login(
                        r.getRealmId(), r.getUserId(), r.getLoginAt(), r.getIp()))
            .toList();
    for (PendingLogins.Pending pending : PendingLogins.of(logins)) {
      apply(session, pending);
    }
    return rows.size();
  }

  private static void apply(KeycloakSession session, PendingLogins.Pending pending) {
    RealmModel realm = session.realms().getRealm(pending.realmId());
    if (realm == null) {
      return;
    }
    session.getContext().setRealm(realm);
    UserModel user = session.users().getUserById(realm, pending.userId());
    if (user == null) {
      return; // deleted since: nothing to count
    }
    UserAttributes attributes = new UserModelAttributes(user);
    try {
      NamespaceStore.write(
          attributes,
          Namespace.STATUS,
          LoginTally.afterLogins(
              NamespaceStore.readAll(attributes).getOrDefault(Namespace.STATUS, Json.object()),
              pending.count(),
              Instant.ofEpochMilli(pending.latestAt()),
              pending.latestIp()));
    } catch (ReadOnlyException e) {
      // A read-only user store (LDAP, say): the logins are not counted, and not retried forever.
      LOG.debugf(
          "status not recorded for read-only user %s in realm %s", user.getId(), realm.getName());
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

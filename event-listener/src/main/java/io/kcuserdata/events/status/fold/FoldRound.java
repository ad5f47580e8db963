package io.kcuserdata.events.status.fold;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * One round of counting recorded logins: the oldest batch in one transaction, the usual case. Each
 * batch deletes its rows before it counts them, so when nodes share the database a row is counted
 * by the one whose delete took it. Should the batch fail (another node took some of its rows, or
 * one user's write fails), it is done again user by user, so one user that cannot be written holds
 * back only their own logins: they stay recorded and are tried again next round.
 */
final class FoldRound {

  private static final Logger LOG = Logger.getLogger(FoldRound.class);
  private static final int MAX_WARNED = 1000;

  private final LoginRows.Transactions transactions;
  private final int batch;

  /** Users already warned about, so a user that keeps failing is not reported every second. */
  private final Set<List<String>> warned = new HashSet<>();

  FoldRound(LoginRows.Transactions transactions, int batch) {
    this.transactions = transactions;
    this.batch = batch;
  }

  /**
   * @return whether a full batch was counted, so more may be waiting
   */
  boolean run() {
    try {
      return transactions.inTransaction(this::foldBatch) == batch;
    } catch (RuntimeException batchFailed) {
      LOG.debugf("Account status: counting user by user (%s)", batchFailed);
      userByUser();
      return false;
    }
  }

  private int foldBatch(LoginRows rows) {
    List<PendingLogins.Login> logins = rows.oldest(batch);
    if (logins.isEmpty()) {
      return 0;
    }
    if (rows.take(logins.stream().map(PendingLogins.Login::id).toList()) != logins.size()) {
      throw new TakenElsewhere();
    }
    for (PendingLogins.Pending pending : PendingLogins.of(logins)) {
      rows.count(pending);
    }
    return logins.size();
  }

  private void userByUser() {
    List<PendingLogins.Pending> pending =
        PendingLogins.of(transactions.inTransaction(rows -> rows.oldest(batch)));
    for (PendingLogins.Pending user : pending) {
      try {
        transactions.inTransaction(
            rows -> {
              if (rows.take(user.ids()) != user.ids().size()) {
                throw new TakenElsewhere();
              }
              rows.count(user);
              return null;
            });
        warned.remove(List.of(user.realmId(), user.userId()));
      } catch (TakenElsewhere e) {
        // Another node counts them.
      } catch (RuntimeException e) {
        warn(user, e);
      }
    }
  }

  private void warn(PendingLogins.Pending user, RuntimeException e) {
    if (warned.size() >= MAX_WARNED) {
      warned.clear();
    }
    String message =
        "Account status: could not count %d login(s) of user %s in realm %s (%s); they stay"
            + " recorded and are tried again";
    if (warned.add(List.of(user.realmId(), user.userId()))) {
      LOG.warnf(message, user.count(), user.userId(), user.realmId(), e);
    } else {
      LOG.debugf(message, user.count(), user.userId(), user.realmId(), e);
    }
  }

  /** Some rows of the batch were deleted by another node: its transaction must not commit. */
  private static final class TakenElsewhere extends RuntimeException {
    TakenElsewhere() {
      super("another node counted some of these logins meanwhile", null, false, false);
    }
  }
}

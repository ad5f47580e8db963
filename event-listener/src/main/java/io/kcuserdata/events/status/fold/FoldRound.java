package io.kcuserdata.events.status.fold;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Counts recorded logins: the oldest batch in one transaction, the usual case. Each batch deletes
 * its rows before it counts them, so when nodes share the database a row is counted by the one
 * whose delete took it. Should the batch fail (another node took some of its rows, or one user's
 * write fails), it is done again user by user. A user whose write fails is held back: their logins
 * stay recorded, later batches leave them out (so however many pile up, they never fill a batch and
 * stall everyone else), and they are tried on their own at each wake-up until they count.
 */
final class FoldRound {

  private static final Logger LOG = Logger.getLogger(FoldRound.class);

  /** Users held back at most; beyond, a failing user is tried with the others again. */
  static final int MAX_HELD_BACK = 500;

  private final LoginRows.Transactions transactions;
  private final int batch;

  /** Realm id and user id of each user held back, oldest failure first. */
  private final Set<List<String>> heldBack = new LinkedHashSet<>();

  FoldRound(LoginRows.Transactions transactions, int batch) {
    this.transactions = transactions;
    this.batch = batch;
  }

  /** Tries each held-back user on their own; those that count are no longer held back. */
  void retryHeldBack() {
    for (List<String> user : List.copyOf(heldBack)) {
      List<PendingLogins.Login> logins =
          transactions.inTransaction(rows -> rows.ofUser(user.get(0), user.get(1), batch));
      if (logins.isEmpty()) {
        heldBack.remove(user); // counted by another node
      } else {
        userByUser(logins);
      }
    }
  }

  /**
   * Counts the oldest batch of logins of the users not held back.
   *
   * @return whether a full batch was counted, so more may be waiting
   */
  boolean run() {
    List<String> skip = new ArrayList<>();
    heldBack.forEach(user -> skip.add(user.get(1)));
    try {
      return transactions.inTransaction(rows -> foldBatch(rows, skip)) == batch;
    } catch (RuntimeException batchFailed) {
      LOG.debugf("Account status: counting user by user (%s)", batchFailed);
      userByUser(transactions.inTransaction(rows -> rows.oldest(batch, skip)));
      return false;
    }
  }

  private int foldBatch(LoginRows rows, List<String> skip) {
    List<PendingLogins.Login> logins = rows.oldest(batch, skip);
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

  private void userByUser(List<PendingLogins.Login> logins) {
    for (PendingLogins.Pending user : PendingLogins.of(logins)) {
      List<String> key = List.of(user.realmId(), user.userId());
      try {
        transactions.inTransaction(
            rows -> {
              if (rows.take(user.ids()) != user.ids().size()) {
                throw new TakenElsewhere();
              }
              rows.count(user);
              return null;
            });
        if (heldBack.remove(key)) {
          LOG.infof(
              "Account status: the logins of user %s in realm %s are counted again",
              user.userId(), user.realmId());
        }
      } catch (TakenElsewhere e) {
        // Another node counts them.
      } catch (RuntimeException e) {
        holdBack(key, user.count(), e);
      }
    }
  }

  private void holdBack(List<String> key, long logins, RuntimeException e) {
    String message =
        "Account status: could not count %d login(s) of user %s in realm %s (%s); they stay"
            + " recorded and are tried again";
    if (heldBack.contains(key) || heldBack.size() >= MAX_HELD_BACK) {
      LOG.debugf(message, logins, key.get(1), key.get(0), e);
    } else {
      heldBack.add(key);
      LOG.warnf(message, logins, key.get(1), key.get(0), e);
    }
  }

  /** Some rows of the batch were deleted by another node: its transaction must not commit. */
  private static final class TakenElsewhere extends RuntimeException {
    TakenElsewhere() {
      super("another node counted some of these logins meanwhile", null, false, false);
    }
  }
}

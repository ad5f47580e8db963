package io.kcuserdata.events.status.fold;

import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/** The recorded logins and the users they count for, as one transaction sees them. */
interface LoginRows {

  /** The oldest recorded logins, at most {@code max}, leaving out those of the given users. */
  List<PendingLogins.Login> oldest(int max, Collection<String> skipUserIds);

  /** The oldest recorded logins of one user, at most {@code max}. */
  List<PendingLogins.Login> ofUser(String realmId, String userId, int max);

  /**
   * Deletes these rows.
   *
   * @return how many were still there (fewer when another node took some meanwhile)
   */
  int take(List<String> ids);

  /** Adds a user's logins to their {@code status}. */
  void count(PendingLogins.Pending pending);

  /** Runs work in a transaction of its own: committed when it returns, rolled back if it throws. */
  interface Transactions {
    <T> T inTransaction(Function<LoginRows, T> work);
  }
}

package io.kcuserdata.events.status.fold;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Logins waiting to be counted, gathered per user: how many, and the latest one. */
public final class PendingLogins {

  /** One recorded login. */
  public record Login(String realmId, String userId, long at, String ip) {}

  /** A user's logins since the last fold. */
  public record Pending(String realmId, String userId, long count, long latestAt, String latestIp) {

    Pending plus(Login login) {
      boolean later = login.at() >= latestAt;
      return new Pending(
          realmId, userId, count + 1, later ? login.at() : latestAt, later ? login.ip() : latestIp);
    }
  }

  private PendingLogins() {}

  /** Per user, in the order users first appear. */
  public static Collection<Pending> of(List<Login> logins) {
    Map<List<String>, Pending> byUser = new LinkedHashMap<>();
    for (Login login : logins) {
      byUser.merge(
          List.of(login.realmId(), login.userId()),
          new Pending(login.realmId(), login.userId(), 1, login.at(), login.ip()),
          (known, first) -> known.plus(login));
    }
    return byUser.values();
  }
}

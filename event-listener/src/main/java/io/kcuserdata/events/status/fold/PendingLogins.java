package io.kcuserdata.events.status.fold;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Logins waiting to be counted, gathered per user: which rows, and the latest login. */
public final class PendingLogins {

  /** One recorded login (a row of the login table). */
  public record Login(String id, String realmId, String userId, long at, String ip) {}

  /** A user's logins since the last fold. */
  public record Pending(
      String realmId, String userId, List<String> ids, long latestAt, String latestIp) {

    public Pending {
      ids = List.copyOf(ids);
    }

    public long count() {
      return ids.size();
    }
  }

  private PendingLogins() {}

  /** Per user, in the order users first appear. */
  public static List<Pending> of(List<Login> logins) {
    Map<List<String>, List<Login>> byUser = new LinkedHashMap<>();
    for (Login login : logins) {
      byUser
          .computeIfAbsent(List.of(login.realmId(), login.userId()), k -> new ArrayList<>())
          .add(login);
    }
    List<Pending> pending = new ArrayList<>(byUser.size());
    for (List<Login> ofUser : byUser.values()) {
      Login latest = ofUser.get(0);
      for (Login login : ofUser) {
        // Of two at the same moment, the later recorded.
        latest = login.at() >= latest.at() ? login : latest;
      }
      pending.add(
          new Pending(
              latest.realmId(),
              latest.userId(),
              ofUser.stream().map(Login::id).toList(),
              latest.at(),
              latest.ip()));
    }
    return pending;
  }
}

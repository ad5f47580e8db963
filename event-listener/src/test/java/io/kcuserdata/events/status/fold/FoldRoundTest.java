package io.kcuserdata.events.status.fold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kcuserdata.events.status.fold.PendingLogins.Login;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class FoldRoundTest {

  /**
   * A login table and users' counts in memory, with transactions that keep or drop what their work
   * did as a database would.
   */
  static final class Store implements LoginRows.Transactions {
    final Map<String, Login> rows = new LinkedHashMap<>();
    final Map<String, Long> counts = new HashMap<>();
    final Set<String> unwritable = new HashSet<>();
    int transactions;

    /** Rows another node deletes (and commits) between this node's read and its delete. */
    final Set<String> takenByAnotherNodeOnRead = new HashSet<>();

    private final Set<String> deletedByAnotherNode = new HashSet<>();

    void record(String id, String user, long at) {
      rows.put(id, new Login(id, "realm", user, at, null));
    }

    @Override
    public <T> T inTransaction(Function<LoginRows, T> work) {
      transactions++;
      Map<String, Login> rowsBefore = new LinkedHashMap<>(rows);
      Map<String, Long> countsBefore = new HashMap<>(counts);
      try {
        return work.apply(new Rows());
      } catch (RuntimeException e) {
        rows.clear();
        rows.putAll(rowsBefore);
        counts.clear();
        counts.putAll(countsBefore);
        deletedByAnotherNode.forEach(rows::remove);
        throw e;
      }
    }

    final class Rows implements LoginRows {
      @Override
      public List<Login> oldest(int max, Collection<String> skipUserIds) {
        List<Login> oldest =
            rows.values().stream()
                .filter(login -> !skipUserIds.contains(login.userId()))
                .sorted((a, b) -> Long.compare(a.at(), b.at()))
                .limit(max)
                .toList();
        takenByAnotherNodeOnRead.forEach(rows::remove);
        deletedByAnotherNode.addAll(takenByAnotherNodeOnRead);
        takenByAnotherNodeOnRead.clear();
        return oldest;
      }

      @Override
      public List<Login> ofUser(String realmId, String userId, int max) {
        return rows.values().stream()
            .filter(login -> login.realmId().equals(realmId) && login.userId().equals(userId))
            .sorted((a, b) -> Long.compare(a.at(), b.at()))
            .limit(max)
            .toList();
      }

      @Override
      public int take(List<String> ids) {
        int taken = 0;
        for (String id : ids) {
          taken += rows.remove(id) != null ? 1 : 0;
        }
        return taken;
      }

      @Override
      public void count(PendingLogins.Pending pending) {
        if (unwritable.contains(pending.userId())) {
          throw new IllegalStateException("the database refused the write");
        }
        counts.merge(pending.userId(), pending.count(), Long::sum);
      }
    }
  }

  private final Store store = new Store();

  @Nested
  class WhenEveryWriteSucceeds {

    @Test
    void countsEveryUsersLoginsInOneTransaction() {
      store.record("1", "ada", 1);
      store.record("2", "bob", 2);
      store.record("3", "ada", 3);

      boolean more = new FoldRound(store, 10).run();

      assertThat(more).isFalse();
      assertThat(store.counts).containsOnly(Map.entry("ada", 2L), Map.entry("bob", 1L));
      assertThat(store.rows).isEmpty();
      assertThat(store.transactions).isEqualTo(1);
    }

    @Test
    void takesTheOldestFirstAndSaysMoreMayWaitAfterAFullBatch() {
      store.record("late", "ada", 9);
      store.record("early", "bob", 1);

      assertThat(new FoldRound(store, 1).run()).isTrue();

      assertThat(store.counts).containsOnly(Map.entry("bob", 1L));
      assertThat(store.rows).containsOnlyKeys("late");
    }
  }

  @Nested
  class WhenOneUsersWriteFails {

    @Test
    void theOtherUsersAreCountedAndThatUsersLoginsStayForLater() {
      store.record("1", "ada", 1);
      store.record("2", "bad", 2);
      store.record("3", "bob", 3);
      store.unwritable.add("bad");

      boolean more = new FoldRound(store, 10).run();

      assertThat(more).isFalse();
      assertThat(store.counts).containsOnly(Map.entry("ada", 1L), Map.entry("bob", 1L));
      assertThat(store.rows).containsOnlyKeys("2");
    }

    @Test
    void theyAreCountedOnTheirOwnOnceTheWriteWorksAgain() {
      store.record("1", "bad", 1);
      store.unwritable.add("bad");
      FoldRound round = new FoldRound(store, 10);
      round.run();
      round.retryHeldBack();
      round.run();

      store.unwritable.clear();
      round.retryHeldBack();

      assertThat(store.counts).containsOnly(Map.entry("bad", 1L));
      assertThat(store.rows).isEmpty();
    }

    @Test
    void laterBatchesLeaveThatUserOutSoTheirPileNeverStallsTheOthers() {
      store.record("1", "bad", 1);
      store.record("2", "bad", 2);
      store.record("3", "bad", 3);
      store.record("4", "ada", 4);
      store.unwritable.add("bad");
      FoldRound round = new FoldRound(store, 2);

      round.run();
      round.run();

      assertThat(store.counts).containsOnly(Map.entry("ada", 1L));
      assertThat(store.rows).containsOnlyKeys("1", "2", "3");
    }

    @Test
    void theOthersStillCountInOneTransactionPerBatch() {
      store.record("1", "bad", 1);
      store.unwritable.add("bad");
      FoldRound round = new FoldRound(store, 10);
      round.run();
      store.record("2", "ada", 2);
      store.record("3", "bob", 3);
      int before = store.transactions;

      round.run();

      assertThat(store.transactions - before).isEqualTo(1);
      assertThat(store.counts).containsOnly(Map.entry("ada", 1L), Map.entry("bob", 1L));
    }
  }

  @Nested
  class WhenAnotherNodeTakesSomeRowsMeanwhile {

    @Test
    void eachRowIsCountedByOneNodeOnly() {
      store.record("1", "ada", 1);
      store.record("2", "bob", 2);
      store.takenByAnotherNodeOnRead.add("2");

      new FoldRound(store, 10).run();

      assertThat(store.counts).containsOnly(Map.entry("ada", 1L));
      assertThat(store.rows).isEmpty();
    }
  }

  @Nested
  class WhenTheDatabaseIsUnreachable {

    @Test
    void theRoundFailsSoTheFolderWarnsAndTriesAgainLater() {
      LoginRows.Transactions down =
          new LoginRows.Transactions() {
            @Override
            public <T> T inTransaction(Function<LoginRows, T> work) {
              throw new IllegalStateException("connection refused");
            }
          };

      assertThatThrownBy(() -> new FoldRound(down, 10).run()).hasMessage("connection refused");
    }
  }
}

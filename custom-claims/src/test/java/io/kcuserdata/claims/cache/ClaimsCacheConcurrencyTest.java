package io.kcuserdata.claims.cache;

import static io.kcuserdata.claims.cache.ClaimsCacheTest.GOLD;
import static io.kcuserdata.claims.cache.ClaimsCacheTest.KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.throwable;

import io.kcuserdata.claims.http.CallFailedException;
import io.kcuserdata.claims.http.Outcome;
import io.kcuserdata.core.net.http.Deadline;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Concurrent misses for one key make one call; the latches decide the order, never the clock. */
@Timeout(30) // guards against a hang only; nothing here waits for time to pass
class ClaimsCacheConcurrencyTest {

  private static final int FOLLOWERS = 8;

  /** Far beyond any stall between starting the followers and releasing the leader. */
  private static Deadline patient() {
    return Deadline.in(Duration.ofSeconds(25));
  }

  private final CountDownLatch loaderEntered = new CountDownLatch(1);
  private final CountDownLatch release = new CountDownLatch(1);
  private final AtomicInteger loads = new AtomicInteger();
  private final List<Thread> threads = new ArrayList<>();
  private final List<Boolean> interruptedAfterCall = new CopyOnWriteArrayList<>();

  @AfterEach
  void releaseEverything() throws InterruptedException {
    release.countDown();
    for (Thread thread : threads) {
      thread.join();
    }
  }

  /** A loader that waits for {@link #release}, then answers with what {@code then} does. */
  private ClaimsCache.Loader blocking(ClaimsCache.Loader then) {
    return () -> {
      loads.incrementAndGet();
      loaderEntered.countDown();
      try {
        release.await();
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
      return then.load();
    };
  }

  private CompletableFuture<ClaimsCache.Lookup> getInThread(
      ClaimsCache cache, ClaimsCache.Loader loader) {
    CompletableFuture<ClaimsCache.Lookup> result = new CompletableFuture<>();
    Thread thread =
        new Thread(
            () -> {
              try {
                result.complete(cache.get(KEY, patient(), loader));
              } catch (Throwable e) {
                interruptedAfterCall.add(Thread.currentThread().isInterrupted());
                result.completeExceptionally(e);
              }
            });
    thread.setDaemon(true);
    threads.add(thread);
    thread.start();
    return result;
  }

  /** Starts the leader and waits until its loader runs. */
  private CompletableFuture<ClaimsCache.Lookup> leader(ClaimsCache cache, ClaimsCache.Loader then)
      throws InterruptedException {
    CompletableFuture<ClaimsCache.Lookup> leader = getInThread(cache, blocking(then));
    loaderEntered.await();
    return leader;
  }

  /** Starts followers and waits until each has parked waiting for the leader's call. */
  private List<CompletableFuture<ClaimsCache.Lookup>> followers(ClaimsCache cache) {
    int before = threads.size();
    List<CompletableFuture<ClaimsCache.Lookup>> followers = new ArrayList<>();
    for (int i = 0; i < FOLLOWERS; i++) {
      followers.add(getInThread(cache, mustNotLoad()));
    }
    List<Thread> started = threads.subList(before, threads.size());
    Set<Thread> seenWaiting = new HashSet<>();
    while (seenWaiting.size() < started.size()) {
      started.stream()
          .filter(t -> t.getState() == Thread.State.TIMED_WAITING)
          .forEach(seenWaiting::add);
      Thread.yield();
    }
    return followers;
  }

  /** A loader for callers that must wait for the running call, not make their own. */
  private ClaimsCache.Loader mustNotLoad() {
    return () -> {
      loads.incrementAndGet();
      throw new AssertionError("this caller must wait for the running call, not load");
    };
  }

  /** The outcome a lookup failed with (bounded wait, in case it never ends). */
  private static Outcome outcomeOf(CompletableFuture<ClaimsCache.Lookup> lookup) throws Exception {
    try {
      lookup.get(10, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      assertThat(e.getCause()).isInstanceOf(CallFailedException.class);
      return ((CallFailedException) e.getCause()).outcome();
    }
    throw new AssertionError("the lookup did not fail");
  }

  @Nested
  class SharedCalls {

    @ParameterizedTest(name = "ttl {0} s")
    @ValueSource(ints = {60, 0})
    void concurrentMissesMakeOneCallAndShareItsAnswer(int ttlSeconds) throws Exception {
      ClaimsCache cache = new ClaimsCache(Duration.ofSeconds(ttlSeconds));
      CompletableFuture<ClaimsCache.Lookup> leader = leader(cache, () -> GOLD);
      List<CompletableFuture<ClaimsCache.Lookup>> followers = followers(cache);

      release.countDown();

      assertThat(leader.get(10, TimeUnit.SECONDS)).isEqualTo(new ClaimsCache.Lookup(GOLD, false));
      for (CompletableFuture<ClaimsCache.Lookup> follower : followers) {
        assertThat(follower.get(10, TimeUnit.SECONDS))
            .isEqualTo(new ClaimsCache.Lookup(GOLD, true));
      }
      assertThat(loads).hasValue(1);
    }

    @Test
    void aZeroTtlCallsAgainOnceTheSharedCallIsOver() throws Exception {
      ClaimsCache cache = new ClaimsCache(Duration.ZERO);
      leader(cache, () -> GOLD);
      release.countDown();
      for (Thread thread : threads) {
        thread.join();
      }

      assertThat(cache.get(KEY, patient(), () -> GOLD).hit()).isFalse();
    }
  }

  @Nested
  class SharedFailures {

    @Test
    void followersGetTheLeadersFailureWithItsOutcome() throws Exception {
      ClaimsCache cache = new ClaimsCache(Duration.ofSeconds(60));
      CompletableFuture<ClaimsCache.Lookup> leader =
          leader(
              cache,
              () -> {
                throw new CallFailedException(Outcome.HTTP_ERROR, "503");
              });
      List<CompletableFuture<ClaimsCache.Lookup>> followers = followers(cache);

      release.countDown();

      assertThat(outcomeOf(leader)).isEqualTo(Outcome.HTTP_ERROR);
      for (CompletableFuture<ClaimsCache.Lookup> follower : followers) {
        assertThat(outcomeOf(follower)).isEqualTo(Outcome.HTTP_ERROR);
      }
      assertThat(loads).hasValue(1);
    }

    @Test
    void followersOfALeaderThatBrokeGetATransportError() throws Exception {
      ClaimsCache cache = new ClaimsCache(Duration.ofSeconds(60));
      CompletableFuture<ClaimsCache.Lookup> leader =
          leader(
              cache,
              () -> {
                throw new IllegalStateException("bug");
              });
      List<CompletableFuture<ClaimsCache.Lookup>> followers = followers(cache);

      release.countDown();

      assertThat(leader)
          .failsWithin(Duration.ofSeconds(10))
          .withThrowableThat()
          .havingCause()
          .isInstanceOf(IllegalStateException.class);
      for (CompletableFuture<ClaimsCache.Lookup> follower : followers) {
        assertThat(outcomeOf(follower)).isEqualTo(Outcome.TRANSPORT_ERROR);
      }
    }
  }

  @Nested
  class Waiting {

    @Test
    void aFollowerWhoseDeadlinePassesWhileWaitingTimesOut() throws Exception {
      ClaimsCache cache = new ClaimsCache(Duration.ofSeconds(60));
      CompletableFuture<ClaimsCache.Lookup> leader = leader(cache, () -> GOLD);
      Deadline nearlyPassed = new Deadline(System.nanoTime() + Duration.ofMillis(20).toNanos());

      assertThatThrownBy(() -> cache.get(KEY, nearlyPassed, mustNotLoad()))
          .asInstanceOf(throwable(CallFailedException.class))
          .extracting(CallFailedException::outcome)
          .isEqualTo(Outcome.TIMEOUT);
      assertThatThrownBy(() -> cache.get(KEY, new Deadline(System.nanoTime()), mustNotLoad()))
          .asInstanceOf(throwable(CallFailedException.class))
          .extracting(CallFailedException::outcome)
          .isEqualTo(Outcome.TIMEOUT);

      release.countDown();
      assertThat(leader.get(10, TimeUnit.SECONDS).answer()).isEqualTo(GOLD);
      assertThat(cache.get(KEY, patient(), mustNotLoad()).hit()).isTrue();
      assertThat(loads).hasValue(1);
    }

    @Test
    void anInterruptedFollowerTimesOutAndKeepsItsInterruptFlag() throws Exception {
      ClaimsCache cache = new ClaimsCache(Duration.ofSeconds(60));
      leader(cache, () -> GOLD);
      List<CompletableFuture<ClaimsCache.Lookup>> followers = followers(cache);
      Thread firstFollower = threads.get(1);

      firstFollower.interrupt();
      firstFollower.join();

      assertThat(outcomeOf(followers.get(0))).isEqualTo(Outcome.TIMEOUT);
      assertThat(interruptedAfterCall).containsExactly(true);
      assertThat(loads).hasValue(1);
    }
  }
}

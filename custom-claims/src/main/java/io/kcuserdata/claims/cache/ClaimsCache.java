package io.kcuserdata.claims.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.kcuserdata.claims.http.CallFailedException;
import io.kcuserdata.claims.http.Outcome;
import io.kcuserdata.claims.shaping.ApiAnswer;
import io.kcuserdata.core.net.http.Deadline;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Answers kept for the configured TTL, and the last good answer per key kept longer for the {@code
 * stale} failure policy. Concurrent misses for one key make one call: the first caller makes it,
 * the others wait for its result (as long as their own deadline allows).
 */
public final class ClaimsCache {

  /** Most keys one mapper keeps, fresh and stale each; the least recently used go first. */
  public static final long MAX_ENTRIES = 10_000;

  /** How long a last good answer may stand in for a failing API. */
  public static final Duration STALE_FOR = Duration.ofHours(24);

  /** Makes the call on a miss. */
  @FunctionalInterface
  public interface Loader {
    ApiAnswer load() throws CallFailedException;
  }

  /** An answer, and whether it came from the cache. */
  public record Lookup(ApiAnswer answer, boolean hit) {}

  private final Cache<CacheKey, ApiAnswer> fresh;
  private final Cache<CacheKey, ApiAnswer.Claims> lastGood;
  private final ConcurrentHashMap<CacheKey, CompletableFuture<ApiAnswer>> inFlight =
      new ConcurrentHashMap<>();

  public ClaimsCache(Duration ttl) {
    this(ttl, Ticker.systemTicker());
  }

  public ClaimsCache(Duration ttl, Ticker ticker) {
    fresh =
        ttl.isZero()
            ? null
            : Caffeine.newBuilder()
                .maximumSize(MAX_ENTRIES)
                .expireAfterWrite(ttl)
                .ticker(ticker)
                .build();
    lastGood =
        Caffeine.newBuilder()
            .maximumSize(MAX_ENTRIES)
            .expireAfterWrite(STALE_FOR)
            .ticker(ticker)
            .build();
  }

  /**
   * The fresh answer for {@code key}, else the one a running call for it brings, else {@code
   * loader}'s.
   *
   * @throws CallFailedException the loader's failure (also for those who waited for it), or a
   *     timeout when the deadline passed while waiting
   */
  public Lookup get(CacheKey key, Deadline deadline, Loader loader) throws CallFailedException {
    ApiAnswer cached = fresh == null ? null : fresh.getIfPresent(key);
    if (cached != null) {
      return new Lookup(cached, true);
    }
    CompletableFuture<ApiAnswer> mine = new CompletableFuture<>();
    CompletableFuture<ApiAnswer> running = inFlight.putIfAbsent(key, mine);
    if (running != null) {
      return new Lookup(await(running, deadline), true);
    }
    try {
      ApiAnswer answer = loader.load();
      remember(key, answer);
      mine.complete(answer);
      return new Lookup(answer, false);
    } catch (CallFailedException | RuntimeException e) {
      mine.completeExceptionally(e);
      throw e;
    } finally {
      inFlight.remove(key, mine);
    }
  }

  /** The last good claims for {@code key}, however old (up to {@link #STALE_FOR}). */
  public Optional<ApiAnswer.Claims> lastGood(CacheKey key) {
    return Optional.ofNullable(lastGood.getIfPresent(key));
  }

  private void remember(CacheKey key, ApiAnswer answer) {
    if (fresh != null) {
      fresh.put(key, answer);
    }
    if (answer instanceof ApiAnswer.Claims claims) {
      lastGood.put(key, claims);
    }
  }

  private static ApiAnswer await(CompletableFuture<ApiAnswer> running, Deadline deadline)
      throws CallFailedException {
    try {
      return running.get(deadline.remainingMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof CallFailedException failed) {
        throw failed;
      }
      throw new CallFailedException(Outcome.TRANSPORT_ERROR, "the shared call failed");
    } catch (TimeoutException e) {
      throw new CallFailedException(Outcome.TIMEOUT, "the shared call did not finish in time");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CallFailedException(Outcome.TIMEOUT, "interrupted while waiting for the call");
    }
  }
}

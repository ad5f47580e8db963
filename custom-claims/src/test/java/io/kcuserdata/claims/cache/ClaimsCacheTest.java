package io.kcuserdata.claims.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.benmanes.caffeine.cache.Ticker;
import io.kcuserdata.claims.http.CallFailedException;
import io.kcuserdata.claims.http.Outcome;
import io.kcuserdata.claims.shaping.ApiAnswer;
import io.kcuserdata.core.json.Json;
import io.kcuserdata.core.net.http.Deadline;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ClaimsCacheTest {

  static final CacheKey KEY = new CacheKey("user-1");
  static final CacheKey OTHER_KEY = new CacheKey("user-2");
  static final Duration TTL = Duration.ofSeconds(60);

  static final ApiAnswer.Claims GOLD = claims("{\"plan\":\"gold\"}");
  static final ApiAnswer.Claims SILVER = claims("{\"plan\":\"silver\"}");
  static final ApiAnswer.Deny DENY = new ApiAnswer.Deny("no");

  private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
  private final Ticker ticker = nanos::get;
  private final AtomicInteger loads = new AtomicInteger();

  static ApiAnswer.Claims claims(String json) {
    return new ApiAnswer.Claims(Json.parseOrNull(json));
  }

  static Deadline soon() {
    return Deadline.in(Duration.ofSeconds(5));
  }

  private void advance(Duration duration) {
    nanos.addAndGet(duration.toNanos());
  }

  /** A loader answering {@code answer} and counting its calls. */
  private ClaimsCache.Loader answering(ApiAnswer answer) {
    return () -> {
      loads.incrementAndGet();
      return answer;
    };
  }

  private ClaimsCache.Loader failingWith(Outcome outcome) {
    return () -> {
      loads.incrementAndGet();
      throw new CallFailedException(outcome, "failed");
    };
  }

  @Nested
  class Freshness {

    private final ClaimsCache cache = new ClaimsCache(TTL, ticker);

    @Test
    void aMissLoadsAndTheNextLookupWithinTheTtlIsAHit() throws Exception {
      assertThat(cache.get(KEY, soon(), answering(GOLD)))
          .isEqualTo(new ClaimsCache.Lookup(GOLD, false));
      advance(TTL.minusNanos(1));

      assertThat(cache.get(KEY, soon(), answering(SILVER)))
          .isEqualTo(new ClaimsCache.Lookup(GOLD, true));
      assertThat(loads).hasValue(1);
    }

    @Test
    void anAnswerExpiresAfterTheTtl() throws Exception {
      cache.get(KEY, soon(), answering(GOLD));
      advance(TTL);

      assertThat(cache.get(KEY, soon(), answering(SILVER)))
          .isEqualTo(new ClaimsCache.Lookup(SILVER, false));
      assertThat(loads).hasValue(2);
    }

    @Test
    void keysAreCachedApart() throws Exception {
      cache.get(KEY, soon(), answering(GOLD));

      assertThat(cache.get(OTHER_KEY, soon(), answering(SILVER)).answer()).isEqualTo(SILVER);
      assertThat(cache.get(KEY, soon(), answering(SILVER)).answer()).isEqualTo(GOLD);
    }

    @Test
    void denyAnswersAreCachedLikeClaims() throws Exception {
      cache.get(KEY, soon(), answering(DENY));

      assertThat(cache.get(KEY, soon(), answering(GOLD)))
          .isEqualTo(new ClaimsCache.Lookup(DENY, true));
    }

    @Test
    void answersWithoutClaimsAreCachedToo() throws Exception {
      ApiAnswer.Claims nothing = new ApiAnswer.Claims(null);
      cache.get(KEY, soon(), answering(nothing));

      assertThat(cache.get(KEY, soon(), answering(GOLD)).answer()).isEqualTo(nothing);
    }
  }

  @Nested
  class ZeroTtl {

    private final ClaimsCache cache = new ClaimsCache(Duration.ZERO, ticker);

    @Test
    void neverServesAnAnswerTwice() throws Exception {
      cache.get(KEY, soon(), answering(GOLD));

      assertThat(cache.get(KEY, soon(), answering(SILVER)))
          .isEqualTo(new ClaimsCache.Lookup(SILVER, false));
      assertThat(loads).hasValue(2);
    }

    @Test
    void stillKeepsTheLastGoodAnswer() throws Exception {
      cache.get(KEY, soon(), answering(GOLD));

      assertThat(cache.lastGood(KEY)).contains(GOLD);
    }
  }

  @Nested
  class Failures {

    private final ClaimsCache cache = new ClaimsCache(TTL, ticker);

    @Test
    void theLoadersFailurePropagatesWithItsOutcome() {
      assertThatThrownBy(() -> cache.get(KEY, soon(), failingWith(Outcome.HTTP_ERROR)))
          .isInstanceOf(CallFailedException.class)
          .extracting(e -> ((CallFailedException) e).outcome())
          .isEqualTo(Outcome.HTTP_ERROR);
    }

    @Test
    void aFailureIsNotCached() throws Exception {
      assertThatThrownBy(() -> cache.get(KEY, soon(), failingWith(Outcome.TIMEOUT)))
          .isInstanceOf(CallFailedException.class);

      assertThat(cache.get(KEY, soon(), answering(GOLD)))
          .isEqualTo(new ClaimsCache.Lookup(GOLD, false));
      assertThat(loads).hasValue(2);
    }

    @Test
    void aRuntimeFailurePropagatesAndIsNotCachedEither() throws Exception {
      ClaimsCache.Loader broken =
          () -> {
            throw new IllegalStateException("bug");
          };
      assertThatThrownBy(() -> cache.get(KEY, soon(), broken))
          .isInstanceOf(IllegalStateException.class);

      assertThat(cache.get(KEY, soon(), answering(GOLD)).hit()).isFalse();
    }
  }

  @Nested
  class LastGood {

    private final ClaimsCache cache = new ClaimsCache(TTL, ticker);

    @Test
    void isEmptyBeforeAnyAnswer() {
      assertThat(cache.lastGood(KEY)).isEmpty();
    }

    @Test
    void outlivesTheFreshEntry() throws Exception {
      cache.get(KEY, soon(), answering(GOLD));
      advance(TTL.multipliedBy(10));

      assertThat(cache.lastGood(KEY)).contains(GOLD);
      assertThatThrownBy(() -> cache.get(KEY, soon(), failingWith(Outcome.TIMEOUT)))
          .isInstanceOf(CallFailedException.class);
      assertThat(cache.lastGood(KEY)).contains(GOLD);
    }

    @Test
    void isTheMostRecentClaimsAnswer() throws Exception {
      cache.get(KEY, soon(), answering(GOLD));
      advance(TTL);
      cache.get(KEY, soon(), answering(SILVER));

      assertThat(cache.lastGood(KEY)).contains(SILVER);
      assertThat(cache.lastGood(OTHER_KEY)).isEmpty();
    }

    @Test
    void aDenyDoesNotReplaceIt() throws Exception {
      cache.get(KEY, soon(), answering(GOLD));
      advance(TTL);
      cache.get(KEY, soon(), answering(DENY));

      assertThat(cache.lastGood(KEY)).contains(GOLD);
      assertThat(cache.lastGood(OTHER_KEY)).isEmpty();
    }

    @Test
    void aDenyAloneLeavesNone() throws Exception {
      cache.get(KEY, soon(), answering(DENY));

      assertThat(cache.lastGood(KEY)).isEmpty();
    }

    @Test
    void expiresAfterStaleFor() throws Exception {
      cache.get(KEY, soon(), answering(GOLD));
      advance(ClaimsCache.STALE_FOR.minusNanos(1));
      assertThat(cache.lastGood(KEY)).contains(GOLD);

      advance(Duration.ofNanos(1));
      assertThat(cache.lastGood(KEY)).isEmpty();
    }
  }
}

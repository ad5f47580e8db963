package io.kcuserdata.claims.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.kcuserdata.claims.http.Outcome;
import io.kcuserdata.claims.resilience.CircuitBreaker;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ClaimsMetricsTest {

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final AtomicLong nanos = new AtomicLong();
  private final CircuitBreaker breaker = new CircuitBreaker(1, Duration.ofSeconds(30), nanos::get);
  private final ClaimsMetrics metrics =
      new ClaimsMetrics(registry, "acme", "claims", "id-1", breaker);

  private double calls(Outcome outcome) {
    return registry.get("userdata.claims.calls").tag("outcome", outcome.tag()).counter().count();
  }

  private Timer latency() {
    return registry.get("userdata.claims.call.duration").timer();
  }

  private double breakerState() {
    return registry.get("userdata.claims.breaker.state").gauge().value();
  }

  @Nested
  class Registration {

    @Test
    void everyMeterIsTaggedWithTheRealmAndTheMapper() {
      assertThat(registry.getMeters())
          .isNotEmpty()
          .allSatisfy(
              meter -> {
                assertThat(meter.getId().getTag("realm")).isEqualTo("acme");
                assertThat(meter.getId().getTag("mapper")).isEqualTo("claims");
              });
    }

    @Test
    void thereIsACounterForEveryOutcomeFromTheStart() {
      assertThat(registry.find("userdata.claims.calls").counters())
          .hasSize(Outcome.values().length);
      for (Outcome outcome : Outcome.values()) {
        assertThat(calls(outcome)).isZero();
      }
    }

    @Test
    void closingRemovesEveryMeter() {
      metrics.close();

      assertThat(registry.getMeters()).isEmpty();
    }

    @Test
    void closingLeavesOtherMappersMeters() {
      new ClaimsMetrics(registry, "acme", "other", "id-2", breaker);

      metrics.close();

      assertThat(registry.getMeters())
          .isNotEmpty()
          .map(Meter::getId)
          .allMatch(id -> "other".equals(id.getTag("mapper")));
    }
  }

  @Nested
  class Counting {

    @ParameterizedTest
    @EnumSource(value = Outcome.class, names = "BREAKER_OPEN", mode = EnumSource.Mode.EXCLUDE)
    void aCallCountsItsOutcomeAndItsDuration(Outcome outcome) {
      metrics.call(outcome, TimeUnit.MILLISECONDS.toNanos(120));

      assertThat(calls(outcome)).isEqualTo(1);
      assertThat(latency().count()).isEqualTo(1);
      assertThat(latency().totalTime(TimeUnit.MILLISECONDS)).isEqualTo(120);
    }

    @Test
    void aCallThatDidNotGoOutHasNoDuration() {
      metrics.call(Outcome.BREAKER_OPEN, 5);
      metrics.refusedByBreaker();

      assertThat(calls(Outcome.BREAKER_OPEN)).isEqualTo(2);
      assertThat(latency().count()).isZero();
    }

    @Test
    void lookupsAreCountedAsHitsOrMisses() {
      metrics.lookup(true);
      metrics.lookup(true);
      metrics.lookup(false);

      assertThat(
              registry.get("userdata.claims.cache.lookups").tag("result", "hit").counter().count())
          .isEqualTo(2);
      assertThat(
              registry.get("userdata.claims.cache.lookups").tag("result", "miss").counter().count())
          .isEqualTo(1);
    }
  }

  @Nested
  class BreakerGauge {

    @Test
    void reportsClosedOpenAndHalfOpenAs0To2() {
      assertThat(breakerState()).isZero();

      breaker.onFailure();
      assertThat(breakerState()).isEqualTo(1);

      nanos.addAndGet(Duration.ofSeconds(30).toNanos());
      breaker.acquire();
      assertThat(breakerState()).isEqualTo(2);

      breaker.onSuccess();
      assertThat(breakerState()).isZero();
    }
  }
}

package io.kcuserdata.claims.metrics;

import io.kcuserdata.claims.http.Outcome;
import io.kcuserdata.claims.resilience.CircuitBreaker;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One mapper's meters, in Keycloak's Micrometer registry (shown on the management port's {@code
 * /metrics} with {@code --metrics-enabled=true}): {@code userdata_claims_calls_total{outcome}},
 * {@code userdata_claims_call_duration_seconds} (histogram), {@code
 * userdata_claims_cache_lookups_total{result=hit|miss}} and {@code userdata_claims_breaker_state}
 * (0 closed, 1 open, 2 half-open), each tagged with the realm, the mapper's name and its id.
 */
public final class ClaimsMetrics implements AutoCloseable {

  private final MeterRegistry registry;
  private final Map<Outcome, Counter> calls = new EnumMap<>(Outcome.class);
  private final Counter hits;
  private final Counter misses;
  private final Timer latency;
  private final List<Meter> meters = new ArrayList<>();

  public ClaimsMetrics(
      MeterRegistry registry,
      String realm,
      String mapper,
      String mapperId,
      CircuitBreaker breaker) {
    this.registry = registry;
    // The id keeps two mappers of the same name apart.
    Tags tags = Tags.of("realm", realm, "mapper", mapper, "mapper_id", mapperId);
    for (Outcome outcome : Outcome.values()) {
      calls.put(
          outcome,
          keep(
              Counter.builder("userdata.claims.calls")
                  .description("Claims API calls by outcome (breaker_open: not called)")
                  .tags(tags)
                  .tag("outcome", outcome.tag())
                  .register(registry)));
    }
    hits = keep(lookups(tags, "hit"));
    misses = keep(lookups(tags, "miss"));
    latency =
        keep(
            Timer.builder("userdata.claims.call.duration")
                .description("Time of claims API calls that went out")
                .tags(tags)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(10))
                .register(registry));
    keep(
        Gauge.builder("userdata.claims.breaker.state", breaker, b -> b.state().ordinal())
            .description("Circuit breaker: 0 closed, 1 open, 2 half-open")
            .tags(tags)
            .register(registry));
  }

  private Counter lookups(Tags tags, String result) {
    return Counter.builder("userdata.claims.cache.lookups")
        .description("Cache lookups by result")
        .tags(tags)
        .tag("result", result)
        .register(registry);
  }

  private <M extends Meter> M keep(M meter) {
    meters.add(meter);
    return meter;
  }

  public void call(Outcome outcome, long nanos) {
    calls.get(outcome).increment();
    if (outcome != Outcome.BREAKER_OPEN) {
      latency.record(Duration.ofNanos(nanos));
    }
  }

  public void refusedByBreaker() {
    calls.get(Outcome.BREAKER_OPEN).increment();
  }

  public void lookup(boolean hit) {
    (hit ? hits : misses).increment();
  }

  /** Removes the meters, so a replaced config's breaker is not reported any more. */
  @Override
  public void close() {
    meters.forEach(registry::remove);
  }
}

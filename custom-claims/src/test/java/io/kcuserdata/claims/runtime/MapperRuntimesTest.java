package io.kcuserdata.claims.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kcuserdata.claims.cache.CacheKey;
import io.kcuserdata.claims.config.ExternalClaimsConfig;
import io.kcuserdata.claims.config.InvalidConfigException;
import io.kcuserdata.claims.http.LoopbackServer;
import io.kcuserdata.claims.http.Outcome;
import io.kcuserdata.claims.resilience.CircuitBreaker;
import io.kcuserdata.core.net.SsrfGuard;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class MapperRuntimesTest {

  private static final SsrfGuard GUARD = SsrfGuard.withAllowList("127.0.0.1/32");
  private static final CacheKey KEY = new CacheKey("u1-app-openid-token");

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final MapperRuntimes runtimes = new MapperRuntimes(registry);
  private final AtomicInteger parses = new AtomicInteger();
  private Map<String, String> config;

  @BeforeEach
  void config() throws IOException {
    // Nothing listens there: every call fails at once.
    config = new HashMap<>();
    config.put("url", "http://127.0.0.1:" + LoopbackServer.closedPort() + "/claims");
    config.put("breaker.failure.threshold", "1");
    config.put("breaker.open.seconds", "3600");
  }

  @AfterEach
  void close() {
    runtimes.close();
  }

  private MapperRuntime get(String realm, String name, Map<String, String> raw) {
    Map<String, String> snapshot = Map.copyOf(raw);
    return runtimes.get(
        "mapper-1",
        realm,
        name,
        snapshot,
        () -> {
          parses.incrementAndGet();
          return ExternalClaimsConfig.parse(snapshot);
        },
        GUARD);
  }

  private Gauge breakerGauge() {
    return registry.find("userdata.claims.breaker.state").tag("mapper", "claims").gauge();
  }

  @Nested
  class Identity {

    @Test
    void theSameConfigKeepsItsRuntimeAndIsParsedOnce() {
      MapperRuntime first = get("realm", "claims", config);

      assertThat(get("realm", "claims", new HashMap<>(config))).isSameAs(first);
      assertThat(parses).hasValue(1);
    }

    @Test
    void aChangedConfigNameOrRealmGetsAFreshRuntime() {
      MapperRuntime first = get("realm", "claims", config);
      config.put("timeout.ms", "900");
      MapperRuntime changed = get("realm", "claims", config);

      assertThat(changed).isNotSameAs(first);
      assertThat(changed.config().timeout().toMillis()).isEqualTo(900);
      assertThat(get("realm", "renamed", config)).isNotSameAs(changed);
      assertThat(get("other-realm", "renamed", config)).isNotSameAs(changed);
    }

    @Test
    void aConfigThatDoesNotParseIsReportedEveryTime() {
      config.put("timeout.ms", "0");

      assertThatThrownBy(() -> get("realm", "claims", config))
          .isInstanceOf(InvalidConfigException.class);
      assertThatThrownBy(() -> get("realm", "claims", config))
          .isInstanceOf(InvalidConfigException.class);
    }
  }

  @Nested
  class Replacement {

    @Test
    void aFreshRuntimeStartsWithAClosedBreakerAndAnEmptyCache() {
      MapperRuntime first = get("realm", "claims", config);
      first.resolve(KEY, () -> new byte[0], () -> null);
      assertThat(first.breakerState()).isEqualTo(CircuitBreaker.State.OPEN);

      config.put("timeout.ms", "900");

      assertThat(get("realm", "claims", config).breakerState())
          .isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void theSuccessorsMetersAreTheOnesReported() {
      MapperRuntime first = get("realm", "claims", config);
      first.resolve(KEY, () -> new byte[0], () -> null);
      assertThat(breakerGauge().value()).isEqualTo(1.0);

      config.put("timeout.ms", "900");
      MapperRuntime successor = get("realm", "claims", config);
      Resolution resolution = successor.resolve(KEY, () -> new byte[0], () -> null);

      assertThat(resolution).isEqualTo(failed(Outcome.TRANSPORT_ERROR));
      assertThat(breakerGauge()).as("the successor's breaker gauge").isNotNull();
      assertThat(breakerGauge().value()).isEqualTo(1.0);
      assertThat(
              registry
                  .get("userdata.claims.calls")
                  .tag("outcome", "transport_error")
                  .counter()
                  .count())
          .as("only the successor's call: its counters are fresh and registered")
          .isEqualTo(1.0);
    }

    @Test
    void aSuccessorWithAClosedBreakerReportsClosed() {
      MapperRuntime first = get("realm", "claims", config);
      first.resolve(KEY, () -> new byte[0], () -> null);

      config.put("timeout.ms", "900");
      get("realm", "claims", config);

      assertThat(breakerGauge()).isNotNull();
      assertThat(breakerGauge().value()).isZero();
      assertThat(registry.find("userdata.claims.calls").counters())
          .hasSize(Outcome.values().length);
    }

    @Test
    void aConfigThatDoesNotParseLeavesTheCurrentRuntimeWorking() {
      MapperRuntime first = get("realm", "claims", config);
      Map<String, String> broken = new HashMap<>(config);
      broken.put("timeout.ms", "0");

      assertThatThrownBy(() -> get("realm", "claims", broken))
          .isInstanceOf(InvalidConfigException.class);

      assertThat(get("realm", "claims", config)).isSameAs(first);
      assertThat(breakerGauge()).isNotNull();
    }
  }

  private static Resolution failed(Outcome outcome) {
    return new Resolution.Failed(outcome, java.util.Optional.empty());
  }
}

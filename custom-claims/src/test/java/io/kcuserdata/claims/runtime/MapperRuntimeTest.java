package io.kcuserdata.claims.runtime;

import static io.kcuserdata.claims.config.ExternalClaimsConfig.parse;
import static io.kcuserdata.claims.http.LoopbackServer.fixed;
import static org.assertj.core.api.Assertions.assertThat;

import io.kcuserdata.claims.cache.CacheKey;
import io.kcuserdata.claims.http.LoopbackServer;
import io.kcuserdata.claims.http.Outcome;
import io.kcuserdata.claims.resilience.CircuitBreaker;
import io.kcuserdata.claims.shaping.ApiAnswer;
import io.kcuserdata.core.json.Json;
import io.kcuserdata.core.net.SsrfGuard;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One mapper's calls: cache, breaker, failure policy, authentication and meters together. */
class MapperRuntimeTest {

  private static final SsrfGuard GUARD = SsrfGuard.withAllowList("127.0.0.1/32");
  private static final CacheKey KEY = new CacheKey("u1-app-openid-token");
  private static final byte[] BODY = "{\"user\":{\"id\":\"u1\"}}".getBytes(StandardCharsets.UTF_8);
  private static final ApiAnswer.Claims GOLD =
      new ApiAnswer.Claims(Json.parseOrNull("{\"plan\":\"gold\"}"));

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final AtomicInteger bodiesBuilt = new AtomicInteger();

  /** How the claims API answers now. */
  private final AtomicReference<LoopbackServer.Responder> api =
      new AtomicReference<>(fixed(200, "{\"plan\":\"gold\"}"));

  private LoopbackServer server;
  private MapperRuntime runtime;

  @BeforeEach
  void start() throws IOException {
    server =
        LoopbackServer.start()
            .on("/claims", (request, exchange) -> api.get().respond(request, exchange))
            .on("/token", fixed(200, "{\"access_token\":\"tok\",\"expires_in\":300}"));
  }

  @AfterEach
  void stop() {
    if (runtime != null) {
      runtime.close();
    }
    server.close();
  }

  private MapperRuntime runtime(String... keyValues) {
    Map<String, String> raw = new HashMap<>();
    raw.put("url", server.uri("/claims").toString());
    raw.put("timeout.ms", "5000");
    raw.put("breaker.open.seconds", "3600");
    for (int i = 0; i < keyValues.length; i += 2) {
      raw.put(keyValues[i], keyValues[i + 1]);
    }
    runtime =
        new MapperRuntime("realm", "claims", "mapper-1", "mapper-1", parse(raw), GUARD, registry);
    return runtime;
  }

  private Resolution resolve(String secret) {
    return runtime.resolve(
        KEY,
        () -> {
          bodiesBuilt.incrementAndGet();
          return BODY;
        },
        () -> secret);
  }

  private void apiAnswers(int status, String body) {
    api.set(fixed(status, body));
  }

  private double calls(Outcome outcome) {
    return registry.get("userdata.claims.calls").tag("outcome", outcome.tag()).counter().count();
  }

  private static Resolution failed(Outcome outcome) {
    return new Resolution.Failed(outcome, Optional.empty());
  }

  @Nested
  class Answers {

    @Test
    void postsTheBodyAndAnswersTheClaims() {
      runtime();

      assertThat(resolve(null)).isEqualTo(new Resolution.Answered(GOLD));
      LoopbackServer.Request request = server.requests("/claims").get(0);
      assertThat(request.body()).isEqualTo(BODY);
      assertThat(request.headers().getFirst("Accept")).isEqualTo("application/json");
      assertThat(calls(Outcome.SUCCESS)).isEqualTo(1);
    }

    @Test
    void aCachedAnswerBuildsNoBodyAndMakesNoCall() {
      runtime();
      resolve(null);

      assertThat(resolve(null)).isEqualTo(new Resolution.Answered(GOLD));
      assertThat(bodiesBuilt).hasValue(1);
      assertThat(server.requests("/claims")).hasSize(1);
      assertThat(registry.get("userdata.claims.cache.lookups").counters())
          .allSatisfy(counter -> assertThat(counter.count()).isEqualTo(1));
    }

    @Test
    void aDenyIsAnAnswerAndNotAFailure() {
      runtime("breaker.failure.threshold", "1", "cache.ttl.seconds", "0");
      apiAnswers(200, "{\"deny\":{\"error_description\":\"suspended\"}}");

      assertThat(resolve(null)).isEqualTo(new Resolution.Answered(new ApiAnswer.Deny("suspended")));
      assertThat(calls(Outcome.DENIED)).isEqualTo(1);
      assertThat(runtime.breakerState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }
  }

  @Nested
  class Failures {

    @Test
    void aNon2xxIsAnHttpError() {
      runtime();
      apiAnswers(500, "oops");

      assertThat(resolve(null)).isEqualTo(failed(Outcome.HTTP_ERROR));
      assertThat(calls(Outcome.HTTP_ERROR)).isEqualTo(1);
    }

    @Test
    void anUnusableAnswerIsAnInvalidResponse() {
      runtime();
      apiAnswers(200, "[1,2]");

      assertThat(resolve(null)).isEqualTo(failed(Outcome.INVALID_RESPONSE));
    }

    @ParameterizedTest
    @CsvSource({"stale, true", "omit, false", "deny, false"})
    void onlyTheStalePolicyFallsBackToTheLastGoodClaims(String policy, boolean stale) {
      runtime("failure.policy", policy, "cache.ttl.seconds", "0");
      resolve(null);
      apiAnswers(503, "");

      assertThat(resolve(null))
          .isEqualTo(
              new Resolution.Failed(
                  Outcome.HTTP_ERROR, stale ? Optional.of(GOLD) : Optional.empty()));
    }

    @Test
    void aBrokenRequestBodyCostsTheClaimsNotTheToken() {
      runtime();

      Resolution resolution =
          runtime.resolve(
              KEY,
              () -> {
                throw new IllegalStateException("bug");
              },
              () -> null);

      assertThat(resolution).isEqualTo(failed(Outcome.TRANSPORT_ERROR));
    }
  }

  @Nested
  class Breaker {

    @Test
    void opensAfterTheThresholdAndThenRefusesWithoutCalling() {
      runtime("breaker.failure.threshold", "2", "cache.ttl.seconds", "0");
      apiAnswers(500, "");
      resolve(null);
      resolve(null);

      assertThat(runtime.breakerState()).isEqualTo(CircuitBreaker.State.OPEN);
      assertThat(resolve(null)).isEqualTo(failed(Outcome.BREAKER_OPEN));
      assertThat(server.requests("/claims")).hasSize(2);
      assertThat(calls(Outcome.BREAKER_OPEN)).isEqualTo(1);
      assertThat(registry.get("userdata.claims.breaker.state").gauge().value()).isEqualTo(1);
    }
  }

  @Nested
  class Authentication {

    @Test
    void bearerSendsTheResolvedSecret() {
      runtime("auth.type", "bearer", "auth.secret", "${vault.api}");

      resolve("t0ken");

      assertThat(server.requests("/claims").get(0).headers().getFirst("Authorization"))
          .isEqualTo("Bearer t0ken");
    }

    @Test
    void aSecretThatCouldNotBeReadFailsWithoutCalling() {
      runtime("auth.type", "bearer", "auth.secret", "${vault.api}");

      assertThat(resolve(null)).isEqualTo(failed(Outcome.TRANSPORT_ERROR));
      assertThat(server.requests("/claims")).isEmpty();
    }

    @Test
    void a401MakesClientCredentialsFetchANewToken() {
      runtime(
          "auth.type",
          "client-credentials",
          "auth.secret",
          "s",
          "auth.client.id",
          "kc",
          "auth.token.url",
          server.uri("/token").toString(),
          "cache.ttl.seconds",
          "0");
      resolve("s");
      apiAnswers(401, "");
      resolve("s");
      apiAnswers(200, "{}");

      resolve("s");

      assertThat(server.requests("/token")).hasSize(2);
      assertThat(server.requests("/claims").get(0).headers().getFirst("Authorization"))
          .isEqualTo("Bearer tok");
    }
  }
}

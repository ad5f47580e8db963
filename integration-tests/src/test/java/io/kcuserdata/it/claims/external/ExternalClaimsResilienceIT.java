package io.kcuserdata.it.claims.external;

import static org.assertj.core.api.Assertions.assertThat;

import io.kcuserdata.it.harness.KeycloakIT;
import io.kcuserdata.it.harness.KeycloakServer;
import io.kcuserdata.it.harness.Realms;
import io.kcuserdata.it.harness.TestHttpServer.Response;
import io.kcuserdata.it.harness.TokenEndpoint.TokenResponse;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * {@code userdata-external-claims-mapper} when the API is slow, broken or gone: the cache, shared
 * calls, the timeout, the failure policies and the circuit breaker.
 */
@KeycloakIT
class ExternalClaimsResilienceIT {

  private ClaimsApi api;

  @BeforeEach
  void realmWithClaimsApi(Realms realms) {
    api = new ClaimsApi(realms.create());
  }

  @AfterEach
  void stopApi() {
    api.close();
  }

  private Object claim(TokenResponse token) {
    return api.access(token).getClaim("ext");
  }

  private void mapper(String... config) {
    Map<String, String> all = new java.util.HashMap<>(Map.of("claim.name", "ext"));
    for (int i = 0; i + 1 < config.length; i += 2) {
      all.put(config[i], config[i + 1]);
    }
    api.addMapper(ClaimsApi.CONFIDENTIAL, "ext", all);
  }

  @Nested
  class TheCache {

    @Test
    void servesASecondTokenWithinTheTtlWithoutACall() {
      mapper("cache.ttl.seconds", "60");

      api.password();
      TokenResponse second = api.password();

      assertThat(claim(second)).isEqualTo(Map.of("plan", "pro"));
      assertThat(api.calls()).hasSize(1);
    }

    @Test
    void callsAgainOnceTheTtlHasPassed() throws Exception {
      mapper("cache.ttl.seconds", "1");

      api.password();
      Thread.sleep(1500);
      api.password();

      assertThat(api.calls()).hasSize(2);
    }

    @Test
    void collapsesConcurrentMissesForOneUserIntoOneCall() throws Exception {
      CountDownLatch release = new CountDownLatch(1);
      api.answers(
          request -> {
            release.await(5, TimeUnit.SECONDS);
            return Response.json(200, "{\"plan\":\"pro\"}");
          });
      mapper("timeout.ms", "5000");
      int parallel = 8;
      ExecutorService pool = Executors.newFixedThreadPool(parallel);
      try {
        List<Future<TokenResponse>> tokens = new ArrayList<>();
        for (int i = 0; i < parallel; i++) {
          tokens.add(pool.submit((Callable<TokenResponse>) api::password));
        }
        Thread.sleep(1000); // let every token request reach the mapper
        release.countDown();
        for (Future<TokenResponse> token : tokens) {
          assertThat(claim(token.get(30, TimeUnit.SECONDS))).isEqualTo(Map.of("plan", "pro"));
        }
      } finally {
        pool.shutdownNow();
      }
      assertThat(api.calls()).hasSize(1);
    }
  }

  @Nested
  class WhenTheApiFails {

    @Test
    void aSlowApiCostsTheClaimsNotTheToken() {
      api.answers(
          request -> {
            Thread.sleep(3000);
            return Response.json(200, "{\"plan\":\"late\"}");
          });
      mapper("timeout.ms", "300");

      long started = System.nanoTime();
      TokenResponse token = api.password();
      long millis = (System.nanoTime() - started) / 1_000_000;

      assertThat(token.ok()).isTrue();
      assertThat(claim(token)).isNull();
      assertThat(millis).as("bounded by the timeout, not by the API").isLessThan(2500);
    }

    @Test
    void serverErrorsNonJsonAndOversizedAnswersAddNothing() {
      mapper(
          "cache.ttl.seconds",
          "0",
          "max.response.bytes",
          "1024",
          "breaker.failure.threshold",
          "100");
      List<Response> broken =
          List.of(
              Response.json(500, "{\"plan\":\"error\"}"),
              Response.text(200, "plan=pro"),
              Response.json(200, "{\"plan\":\"" + "x".repeat(2000) + "\"}"),
              Response.json(200, "[\"not\",\"an\",\"object\"]"));
      for (Response answer : broken) {
        api.answers(request -> answer);

        TokenResponse token = api.password();

        assertThat(token.ok()).isTrue();
        assertThat(api.access(token).getClaims()).doesNotContainKey("ext");
      }
      assertThat(api.calls()).hasSize(broken.size());
    }

    @Test
    void omitIssuesTheTokenWithoutTheClaims() {
      api.answers(request -> Response.json(503, "{}"));
      mapper("failure.policy", "omit");

      TokenResponse token = api.password();

      assertThat(token.ok()).isTrue();
      assertThat(claim(token)).isNull();
    }

    @Test
    void staleUsesTheLastGoodAnswer() throws Exception {
      mapper("failure.policy", "stale", "cache.ttl.seconds", "1");
      api.password();
      api.answers(request -> Response.json(500, "{}"));
      Thread.sleep(1500);

      TokenResponse token = api.password();

      assertThat(api.calls()).hasSize(2);
      assertThat(claim(token)).isEqualTo(Map.of("plan", "pro"));
    }

    @Test
    void denyFailsTheTokenRequestWithAClearOAuthError() {
      api.answers(request -> Response.json(500, "{\"secret\":\"internal detail\"}"));
      mapper("failure.policy", "deny");

      TokenResponse token = api.password();

      assertThat(token.status()).isEqualTo(400);
      assertThat(token.error()).isEqualTo("temporarily_unavailable");
      assertThat(token.body().toString()).doesNotContain("internal detail");
    }
  }

  @Nested
  class TheCircuitBreaker {

    @Test
    void opensAfterTheThresholdThenLetsOneTrialThroughAndCloses() throws Exception {
      api.answers(request -> Response.json(500, "{}"));
      mapper(
          "cache.ttl.seconds", "0",
          "breaker.failure.threshold", "2",
          "breaker.open.seconds", "2");

      api.password();
      api.password();
      api.password();
      api.password();
      int whileOpen = api.calls().size();
      api.answers(request -> Response.json(200, "{\"plan\":\"pro\"}"));
      Thread.sleep(2500);
      TokenResponse trial = api.password();
      TokenResponse after = api.password();

      assertThat(whileOpen).as("calls until the breaker opened").isEqualTo(2);
      assertThat(claim(trial)).isEqualTo(Map.of("plan", "pro"));
      assertThat(claim(after)).isEqualTo(Map.of("plan", "pro"));
      assertThat(api.calls()).hasSize(4);
    }
  }

  @Nested
  class Metrics {

    @Test
    void countCallsByOutcomeAndCacheLookups(KeycloakServer server) throws Exception {
      Assumptions.assumeTrue(server.managementUrl().isPresent(), "needs the harness's server");
      mapper();
      api.password();
      api.password();

      String metrics = scrape(server.managementUrl().get().resolve("/metrics"));

      String realm = "realm=\"" + api.realm.name() + "\"";
      assertThat(metrics.lines().filter(l -> l.startsWith("userdata_claims_calls_total")))
          .anyMatch(
              l -> l.contains(realm) && l.contains("outcome=\"success\"") && l.endsWith(" 1.0"));
      assertThat(metrics.lines().filter(l -> l.startsWith("userdata_claims_cache_lookups_total")))
          .anyMatch(l -> l.contains(realm) && l.contains("result=\"hit\"") && l.endsWith(" 1.0"));
      assertThat(metrics).contains("userdata_claims_call_duration_seconds_bucket");
      assertThat(metrics.lines().filter(l -> l.startsWith("userdata_claims_breaker_state")))
          .anyMatch(l -> l.contains(realm) && l.endsWith(" 0.0"));
    }

    private String scrape(URI uri) throws Exception {
      return HttpClient.newHttpClient()
          .send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString())
          .body();
    }
  }
}

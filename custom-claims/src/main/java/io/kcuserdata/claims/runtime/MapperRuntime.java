package io.kcuserdata.claims.runtime;

import io.kcuserdata.claims.auth.RequestAuth;
import io.kcuserdata.claims.cache.CacheKey;
import io.kcuserdata.claims.cache.ClaimsCache;
import io.kcuserdata.claims.config.ExternalClaimsConfig;
import io.kcuserdata.claims.config.FailurePolicy;
import io.kcuserdata.claims.http.ApiResponse;
import io.kcuserdata.claims.http.CallFailedException;
import io.kcuserdata.claims.http.ClaimsHttpClient;
import io.kcuserdata.claims.http.Outcome;
import io.kcuserdata.claims.metrics.ClaimsMetrics;
import io.kcuserdata.claims.resilience.CircuitBreaker;
import io.kcuserdata.claims.shaping.AnswerReader;
import io.kcuserdata.claims.shaping.ApiAnswer;
import io.kcuserdata.claims.shaping.ClaimsPlacement;
import io.kcuserdata.claims.shaping.InvalidAnswerException;
import io.kcuserdata.core.net.SsrfGuard;
import io.kcuserdata.core.net.http.Deadline;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.apache.http.entity.ContentType;
import org.jboss.logging.Logger;
import org.keycloak.utils.JsonUtils;

/**
 * Everything one mapper config needs between token requests: its HTTP client, cache, circuit
 * breaker and meters. Replaced (and closed) when the admin changes the mapper.
 */
public final class MapperRuntime implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(MapperRuntime.class);

  private final String label;
  private final String identity;
  private final ExternalClaimsConfig config;
  private final ClaimsHttpClient http;
  private final RequestAuth auth;
  private final ClaimsCache cache;
  private final CircuitBreaker breaker;
  private final ClaimsMetrics metrics;
  private final AnswerReader reader;
  private final ClaimsPlacement placement;
  private final Set<String> loggedDrops = ConcurrentHashMap.newKeySet();
  private volatile String openedSecret;

  /**
   * @param identity the mapper and its whole config, as part of every cache key
   */
  MapperRuntime(
      String realm,
      String mapperName,
      String mapperId,
      String identity,
      ExternalClaimsConfig config,
      SsrfGuard guard,
      MeterRegistry registry) {
    this.label = "External claims mapper '" + mapperName + "' of realm '" + realm + "'";
    this.identity = identity;
    this.config = config;
    this.http = new ClaimsHttpClient(guard);
    this.auth = RequestAuth.of(config, http);
    this.cache = new ClaimsCache(config.cacheTtl());
    this.breaker = new CircuitBreaker(config.breakerFailureThreshold(), config.breakerOpen());
    this.metrics = new ClaimsMetrics(registry, realm, mapperName, mapperId, breaker);
    this.reader = new AnswerReader(config.responsePath(), config.mergesAtTopLevel());
    this.placement =
        new ClaimsPlacement(
            config.mergesAtTopLevel() ? List.of() : JsonUtils.splitClaimPath(config.claimName()));
  }

  public ExternalClaimsConfig config() {
    return config;
  }

  /** The mapper and its whole config: what every cache key of this runtime starts with. */
  public String identity() {
    return identity;
  }

  public ClaimsPlacement placement() {
    return placement;
  }

  /**
   * The answer for {@code key}: cached, shared with a call already running for it, or fetched now
   * within the configured timeout.
   *
   * @param body the request body, written out only when a call is made
   * @param secret the resolved secret, read only when a call is made
   */
  public Resolution resolve(CacheKey key, Supplier<byte[]> body, SecretSource secret) {
    Deadline deadline = Deadline.in(config.timeout());
    try {
      ClaimsCache.Lookup lookup = cache.get(key, deadline, () -> call(body, secret, deadline));
      if (lookup.hit()) {
        metrics.lookup(true);
      }
      return new Resolution.Answered(lookup.answer());
    } catch (CallFailedException e) {
      Optional<ApiAnswer.Claims> stale =
          config.failurePolicy() == FailurePolicy.STALE ? cache.lastGood(key) : Optional.empty();
      return new Resolution.Failed(e.outcome(), stale);
    } catch (RuntimeException e) {
      // A bug of ours or a library's must cost the claims, not the token (or leak a stack trace).
      LOG.errorf(e, "%s: unexpected error", label);
      return new Resolution.Failed(Outcome.TRANSPORT_ERROR, Optional.empty());
    }
  }

  private ApiAnswer call(Supplier<byte[]> bodySource, SecretSource secretSource, Deadline deadline)
      throws CallFailedException {
    metrics.lookup(false);
    CircuitBreaker.Permit permit = breaker.acquire();
    if (permit == CircuitBreaker.Permit.REFUSED) {
      metrics.refusedByBreaker();
      throw new CallFailedException(Outcome.BREAKER_OPEN, "the circuit breaker is open");
    }
    long started = System.nanoTime();
    Outcome outcome = Outcome.TRANSPORT_ERROR;
    String failure = "unexpected error";
    try {
      // Only now: an open breaker costs no reading of the vault.
      byte[] body = bodySource.get();
      String secret = secretSource.get();
      if (config.authType().needsSecret() && (secret == null || secret.isEmpty())) {
        throw new CallFailedException(
            Outcome.TRANSPORT_ERROR, "its secret could not be read (check the vault entry)");
      }
      Map<String, String> headers = new HashMap<>(auth.headers(body, secret, deadline));
      headers.put("Accept", "application/json");
      ApiResponse response =
          http.post(
              config.url(),
              ContentType.APPLICATION_JSON,
              body,
              headers,
              deadline,
              config.maxResponseBytes());
      if (response.status() == 401) {
        auth.rejected();
      }
      if (!response.isSuccess()) {
        throw new CallFailedException(
            Outcome.HTTP_ERROR, config.url().getHost() + " answered HTTP " + response.status());
      }
      ApiAnswer answer;
      try {
        answer = reader.read(response.body());
      } catch (InvalidAnswerException e) {
        throw new CallFailedException(Outcome.INVALID_RESPONSE, e.getMessage());
      }
      outcome = answer instanceof ApiAnswer.Deny ? Outcome.DENIED : Outcome.SUCCESS;
      return answer;
    } catch (CallFailedException e) {
      outcome = e.outcome();
      failure = e.getMessage();
      throw e;
    } finally {
      metrics.call(outcome, System.nanoTime() - started);
      report(outcome, failure);
    }
  }

  private void report(Outcome outcome, String failure) {
    if (!outcome.isFailure()) {
      if (breaker.onSuccess()) {
        LOG.infof("%s: the claims API answers again; circuit breaker closed", label);
      }
      return;
    }
    LOG.warnf(
        "%s: call failed (%s): %s; failure policy %s",
        label, outcome.tag(), failure, config.failurePolicy().configValue());
    if (breaker.onFailure()) {
      LOG.warnf(
          "%s: circuit breaker open for %d s after %d consecutive failures",
          label, config.breakerOpen().toSeconds(), config.breakerFailureThreshold());
    }
  }

  /**
   * Logs claims the API tried to set but may not: which, never their values, and each name once per
   * config, since cached answers repeat on every token.
   */
  public void droppedClaims(List<String> names) {
    List<String> fresh = names.stream().filter(loggedDrops::add).toList();
    if (!fresh.isEmpty()) {
      LOG.warnf("%s: ignored claims the API may not set: %s", label, String.join(", ", fresh));
    }
  }

  /** Where a call's secret comes from: the vault, its sealed form, or the config as it is. */
  @FunctionalInterface
  public interface SecretSource {
    /**
     * @return the secret, or null when there is none (or the vault has no entry)
     * @throws CallFailedException when the secret exists but cannot be read
     */
    String get() throws CallFailedException;
  }

  /** Opens a sealed secret. */
  @FunctionalInterface
  public interface Opener {
    String open() throws CallFailedException;
  }

  /**
   * The secret this config's sealed {@code auth.secret} holds, opened once and kept with the
   * runtime: a changed config gets a new runtime, so it is never stale.
   */
  public String openedSecret(Opener opener) throws CallFailedException {
    String opened = openedSecret;
    if (opened == null) {
      opened = opener.open();
      openedSecret = opened;
    }
    return opened;
  }

  CircuitBreaker.State breakerState() {
    return breaker.state();
  }

  @Override
  public void close() {
    metrics.close();
    http.close();
  }
}

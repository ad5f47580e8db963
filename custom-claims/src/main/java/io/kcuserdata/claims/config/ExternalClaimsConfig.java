package io.kcuserdata.claims.config;

import io.kcuserdata.core.json.ClaimPath;
import io.kcuserdata.core.namespace.Namespace;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One {@code userdata-external-claims-mapper}'s settings, checked. Built by {@link
 * ExternalClaimsConfigParser}; the secret is kept as configured (a literal or a {@code
 * ${vault.key}} reference) and resolved at call time.
 *
 * @param claimName where the answer goes; empty merges its members into the token's top level
 * @param responsePath the part of the answer that holds the claims; null for the whole answer
 */
public record ExternalClaimsConfig(
    URI url,
    AuthType authType,
    String secret,
    URI tokenUrl,
    String clientId,
    String authScope,
    Duration timeout,
    Duration cacheTtl,
    FailurePolicy failurePolicy,
    int breakerFailureThreshold,
    Duration breakerOpen,
    String claimName,
    ClaimPath responsePath,
    int maxResponseBytes,
    List<Namespace> contextNamespaces) {

  public static final String URL = "url";
  public static final String AUTH_TYPE = "auth.type";
  public static final String AUTH_SECRET = "auth.secret";
  public static final String AUTH_TOKEN_URL = "auth.token.url";
  public static final String AUTH_CLIENT_ID = "auth.client.id";
  public static final String AUTH_SCOPE = "auth.scope";
  public static final String TIMEOUT_MS = "timeout.ms";
  public static final String CACHE_TTL_SECONDS = "cache.ttl.seconds";
  public static final String FAILURE_POLICY = "failure.policy";
  public static final String BREAKER_FAILURE_THRESHOLD = "breaker.failure.threshold";
  public static final String BREAKER_OPEN_SECONDS = "breaker.open.seconds";
  public static final String CLAIM_NAME = "claim.name";
  public static final String RESPONSE_PATH = "response.path";
  public static final String MAX_RESPONSE_BYTES = "max.response.bytes";
  public static final String CONTEXT_NAMESPACES = "context.namespaces";

  public static final int DEFAULT_TIMEOUT_MS = 500;
  public static final int DEFAULT_CACHE_TTL_SECONDS = 60;
  public static final int DEFAULT_BREAKER_FAILURE_THRESHOLD = 5;
  public static final int DEFAULT_BREAKER_OPEN_SECONDS = 30;
  public static final int DEFAULT_MAX_RESPONSE_BYTES = 16384;

  public ExternalClaimsConfig {
    contextNamespaces = List.copyOf(contextNamespaces);
  }

  /** Checks a mapper's raw config. */
  public static ExternalClaimsConfig parse(Map<String, String> raw) {
    return new ExternalClaimsConfigParser(raw).parse();
  }

  public boolean mergesAtTopLevel() {
    return claimName.isEmpty();
  }

  public boolean caches() {
    return !cacheTtl.isZero();
  }

  @Override
  public String toString() {
    // Never the secret, and never the URLs' paths or queries, which may carry one.
    return "ExternalClaimsConfig[host="
        + url.getHost()
        + ", auth="
        + authType.configValue()
        + ", timeout="
        + timeout.toMillis()
        + "ms, ttl="
        + cacheTtl.toSeconds()
        + "s, policy="
        + failurePolicy.configValue()
        + "]";
  }
}

package io.kcuserdata.claims.config;

import static io.kcuserdata.claims.config.ExternalClaimsConfig.*;

import io.kcuserdata.claims.shaping.ReservedClaims;
import io.kcuserdata.core.error.InvalidUserDataException;
import io.kcuserdata.core.json.ClaimPath;
import io.kcuserdata.core.namespace.Namespace;
import io.kcuserdata.core.net.SsrfDecision;
import io.kcuserdata.core.net.SsrfGuard;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.keycloak.utils.JsonUtils;

/** Reads every setting, collecting all problems so the admin fixes them in one go. */
final class ExternalClaimsConfigParser {

  private final Map<String, String> raw;
  private final List<String> problems = new ArrayList<>();

  ExternalClaimsConfigParser(Map<String, String> raw) {
    this.raw = raw == null ? Map.of() : raw;
  }

  ExternalClaimsConfig parse() {
    URI url = url(URL, "Claims API URL", true);
    AuthType auth =
        choice(AUTH_TYPE, AuthType.NONE, AuthType::parse, "none, hmac, bearer, client-credentials");
    String secret = text(AUTH_SECRET);
    URI tokenUrl = null;
    String clientId = text(AUTH_CLIENT_ID);
    if (auth != null && auth.needsSecret() && secret.isEmpty()) {
      problems.add("Auth type " + auth.configValue() + " needs a secret or a vault reference.");
    }
    if (auth == AuthType.CLIENT_CREDENTIALS) {
      tokenUrl = url(AUTH_TOKEN_URL, "Token endpoint URL", true);
      if (clientId.isEmpty()) {
        problems.add("Auth type client-credentials needs the client id to ask a token for.");
      }
    }
    int timeoutMs = number(TIMEOUT_MS, DEFAULT_TIMEOUT_MS, 10, 10_000, "Timeout (ms)");
    int ttl = number(CACHE_TTL_SECONDS, DEFAULT_CACHE_TTL_SECONDS, 0, 86_400, "Cache TTL (s)");
    FailurePolicy policy =
        choice(FAILURE_POLICY, FailurePolicy.OMIT, FailurePolicy::parse, "omit, stale, deny");
    int threshold =
        number(
            BREAKER_FAILURE_THRESHOLD,
            DEFAULT_BREAKER_FAILURE_THRESHOLD,
            1,
            1000,
            "Breaker failure threshold");
    int open =
        number(BREAKER_OPEN_SECONDS, DEFAULT_BREAKER_OPEN_SECONDS, 1, 3600, "Breaker open (s)");
    int maxBytes =
        number(MAX_RESPONSE_BYTES, DEFAULT_MAX_RESPONSE_BYTES, 64, 1_048_576, "Max response bytes");
    String claimName = claimName();
    ClaimPath responsePath = responsePath();
    List<Namespace> namespaces = namespaces();
    if (!problems.isEmpty()) {
      throw new InvalidConfigException(String.join(" ", problems));
    }
    return new ExternalClaimsConfig(
        url,
        auth,
        secret,
        tokenUrl,
        clientId,
        text(AUTH_SCOPE),
        Duration.ofMillis(timeoutMs),
        Duration.ofSeconds(ttl),
        policy,
        threshold,
        Duration.ofSeconds(open),
        claimName,
        responsePath,
        maxBytes,
        namespaces);
  }

  private String text(String key) {
    String value = raw.get(key);
    return value == null ? "" : value.strip();
  }

  private URI url(String key, String label, boolean required) {
    String value = text(key);
    if (value.isEmpty()) {
      if (required) {
        problems.add(label + " is required.");
      }
      return null;
    }
    SsrfDecision syntax = SsrfGuard.checkUrlSyntax(value);
    if (!syntax.allowed()) {
      problems.add(label + " is refused: " + syntax.reason() + ".");
      return null;
    }
    return URI.create(value);
  }

  private int number(String key, int fallback, int min, int max, String label) {
    String value = text(key);
    if (value.isEmpty()) {
      return fallback;
    }
    try {
      int parsed = Integer.parseInt(value);
      if (parsed >= min && parsed <= max) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    problems.add(label + " must be a whole number from " + min + " to " + max + ".");
    return fallback;
  }

  private <T> T choice(
      String key, T fallback, Function<String, Optional<T>> parse, String expected) {
    String value = text(key);
    if (value.isEmpty()) {
      return fallback;
    }
    Optional<T> parsed = parse.apply(value);
    if (parsed.isEmpty()) {
      problems.add("Config key \"" + key + "\" must be one of " + expected + ".");
      return null;
    }
    return parsed.get();
  }

  private String claimName() {
    String name = text(CLAIM_NAME);
    if (name.isEmpty()) {
      return name;
    }
    List<String> path = JsonUtils.splitClaimPath(name);
    if (path.isEmpty() || path.stream().anyMatch(String::isEmpty) || hasEmptyPart(name)) {
      problems.add("Token claim name has an empty part: no leading, trailing or double dots.");
    } else if (ReservedClaims.isReserved(path.get(0))) {
      problems.add(
          "Token claim name may not be "
              + path.get(0)
              + ": the server sets that claim. Choose another name, or leave it empty to merge"
              + " the answer's members at the top level.");
    }
    return name;
  }

  /**
   * Whether an unescaped dot starts or ends the name or follows another: Keycloak's splitClaimPath
   * yields no empty part for those ("a..b" is [a, .b], "a." is [a]), so look at the text itself.
   */
  private static boolean hasEmptyPart(String name) {
    boolean partEmpty = true;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '.') {
        if (partEmpty) {
          return true;
        }
        partEmpty = true;
      } else {
        if (c == '\\') {
          i++; // a backslash escapes the next character
        }
        partEmpty = false;
      }
    }
    return partEmpty;
  }

  private ClaimPath responsePath() {
    String path = text(RESPONSE_PATH);
    if (path.isEmpty()) {
      return null;
    }
    try {
      return ClaimPath.parse(path);
    } catch (IllegalArgumentException e) {
      problems.add("Response path: " + e.getMessage());
      return null;
    }
  }

  private List<Namespace> namespaces() {
    Set<Namespace> namespaces = new LinkedHashSet<>();
    for (String part : text(CONTEXT_NAMESPACES).split(",")) {
      String name = part.strip();
      if (name.isEmpty()) {
        continue;
      }
      try {
        namespaces.add(Namespace.parse(name));
      } catch (InvalidUserDataException | IllegalArgumentException e) {
        problems.add(
            "Context namespaces: \""
                + (name.length() > 40 ? name.substring(0, 40) + "…" : name)
                + "\" is not a namespace (profile, user_metadata, custom_data, app_metadata,"
                + " status, idp.<alias>, org.<alias>).");
      }
    }
    return List.copyOf(namespaces);
  }
}

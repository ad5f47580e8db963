package io.kcuserdata.claims.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ExternalClaimsConfigTest {

  private static final String URL = "https://claims.example.com/v1/claims";

  /** A valid config (only the URL) with {@code keyValues} added or replaced. */
  private static ExternalClaimsConfig parse(String... keyValues) {
    Map<String, String> raw = new HashMap<>();
    raw.put(ExternalClaimsConfig.URL, URL);
    for (int i = 0; i < keyValues.length; i += 2) {
      raw.put(keyValues[i], keyValues[i + 1]);
    }
    return ExternalClaimsConfig.parse(raw);
  }

  private static AbstractThrowableAssert<?, ? extends Throwable> assertRefused(
      String... keyValues) {
    return assertThatThrownBy(() -> parse(keyValues)).isInstanceOf(InvalidConfigException.class);
  }

  @Nested
  class Defaults {

    @Test
    void onlyTheUrlIsNeeded() {
      ExternalClaimsConfig config = parse();

      assertThat(config.url()).hasToString(URL);
      assertThat(config.authType()).isEqualTo(AuthType.NONE);
      assertThat(config.secret()).isEmpty();
      assertThat(config.tokenUrl()).isNull();
      assertThat(config.timeout()).isEqualTo(Duration.ofMillis(500));
      assertThat(config.cacheTtl()).isEqualTo(Duration.ofSeconds(60));
      assertThat(config.failurePolicy()).isEqualTo(FailurePolicy.OMIT);
      assertThat(config.breakerFailureThreshold()).isEqualTo(5);
      assertThat(config.breakerOpen()).isEqualTo(Duration.ofSeconds(30));
      assertThat(config.maxResponseBytes()).isEqualTo(16384);
      assertThat(config.claimName()).isEmpty();
      assertThat(config.responsePath()).isNull();
      assertThat(config.contextNamespaces()).isEmpty();
    }

    @Test
    void anEmptyClaimNameMergesAtTopLevelAndANonZeroTtlCaches() {
      assertThat(parse().mergesAtTopLevel()).isTrue();
      assertThat(parse().caches()).isTrue();
      assertThat(parse(ExternalClaimsConfig.CLAIM_NAME, "acme").mergesAtTopLevel()).isFalse();
      assertThat(parse(ExternalClaimsConfig.CACHE_TTL_SECONDS, "0").caches()).isFalse();
    }

    @Test
    void blankValuesCountAsUnset() {
      assertThat(parse(ExternalClaimsConfig.TIMEOUT_MS, "  ").timeout())
          .isEqualTo(Duration.ofMillis(500));
    }
  }

  @Nested
  class Numbers {

    @ParameterizedTest
    @CsvSource({
      "timeout.ms, 10, 10000, Timeout (ms)",
      "cache.ttl.seconds, 0, 86400, Cache TTL (s)",
      "breaker.failure.threshold, 1, 1000, Breaker failure threshold",
      "breaker.open.seconds, 1, 3600, Breaker open (s)",
      "max.response.bytes, 64, 1048576, Max response bytes"
    })
    void acceptsBothBoundsAndRefusesJustOutsideThem(String key, int min, int max, String label) {
      parse(key, Integer.toString(min));
      parse(key, " " + max + " ");
      String message = label + " must be a whole number from " + min + " to " + max + ".";
      assertRefused(key, Integer.toString(min - 1)).hasMessage(message);
      assertRefused(key, Integer.toString(max + 1)).hasMessage(message);
      assertRefused(key, "ten").hasMessage(message);
      assertRefused(key, "1.5").hasMessage(message);
    }

    @Test
    void keepsTheConfiguredValuesInTheirUnits() {
      ExternalClaimsConfig config =
          parse("timeout.ms", "250", "cache.ttl.seconds", "0", "breaker.open.seconds", "7");

      assertThat(config.timeout()).isEqualTo(Duration.ofMillis(250));
      assertThat(config.cacheTtl()).isZero();
      assertThat(config.breakerOpen()).isEqualTo(Duration.ofSeconds(7));
    }
  }

  @Nested
  class Urls {

    @Test
    void aMissingUrlIsReported() {
      assertThatThrownBy(() -> ExternalClaimsConfig.parse(Map.of()))
          .isInstanceOf(InvalidConfigException.class)
          .hasMessage("Claims API URL is required.");
      assertThatThrownBy(() -> ExternalClaimsConfig.parse(null))
          .hasMessage("Claims API URL is required.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://claims.example.com/x", "javascript:alert(1)", "claims.example"})
    void onlyAbsoluteHttpUrlsAreAccepted(String url) {
      assertRefused(ExternalClaimsConfig.URL, url)
          .hasMessageStartingWith("Claims API URL is refused:");
    }

    @Test
    void credentialsInTheUrlAreRefused() {
      assertRefused(ExternalClaimsConfig.URL, "https://user:pw@claims.example.com/")
          .hasMessageContaining("credentials")
          .hasMessageNotContaining("pw@");
    }

    @Test
    void plainHttpIsAccepted() {
      assertThat(
              parse(ExternalClaimsConfig.URL, "http://claims.example.com:8080/c").url().getPort())
          .isEqualTo(8080);
    }
  }

  @Nested
  class Choices {

    @Test
    void unknownAuthTypesAndPoliciesNameTheChoices() {
      assertRefused("auth.type", "basic")
          .hasMessage(
              "Config key \"auth.type\" must be one of none, hmac, bearer, client-credentials.");
      assertRefused("failure.policy", "retry")
          .hasMessage("Config key \"failure.policy\" must be one of omit, stale, deny.");
    }

    @Test
    void choicesIgnoreCaseAndSurroundingSpace() {
      ExternalClaimsConfig config =
          parse("auth.type", " HMAC ", "auth.secret", "whsec_x", "failure.policy", "Stale");

      assertThat(config.authType()).isEqualTo(AuthType.HMAC);
      assertThat(config.failurePolicy()).isEqualTo(FailurePolicy.STALE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"hmac", "bearer", "client-credentials"})
    void authTypesOtherThanNoneNeedASecret(String type) {
      assertRefused("auth.type", type, "auth.token.url", URL, "auth.client.id", "kc")
          .hasMessage("Auth type " + type + " needs a secret or a vault reference.");
    }

    @Test
    void theSecretIsKeptAsConfiguredForTheVaultToResolve() {
      assertThat(parse("auth.type", "bearer", "auth.secret", "${vault.claims}").secret())
          .isEqualTo("${vault.claims}");
    }

    @Test
    void clientCredentialsNeedsATokenUrlAndAClientId() {
      assertRefused("auth.type", "client-credentials", "auth.secret", "s")
          .hasMessageContaining("Token endpoint URL is required.")
          .hasMessageContaining("Auth type client-credentials needs the client id");
      assertRefused(
              "auth.type",
              "client-credentials",
              "auth.secret",
              "s",
              "auth.client.id",
              "kc",
              "auth.token.url",
              "file:///etc/passwd")
          .hasMessageStartingWith("Token endpoint URL is refused:");
    }

    @Test
    void clientCredentialsKeepsItsSettings() {
      ExternalClaimsConfig config =
          parse(
              "auth.type",
              "client-credentials",
              "auth.secret",
              "s",
              "auth.client.id",
              " kc ",
              "auth.token.url",
              "https://as.example.com/token",
              "auth.scope",
              "claims:read");

      assertThat(config.tokenUrl()).hasToString("https://as.example.com/token");
      assertThat(config.clientId()).isEqualTo("kc");
      assertThat(config.authScope()).isEqualTo("claims:read");
    }
  }

  @Nested
  class Reporting {

    @Test
    void everyProblemIsReportedInOneMessage() {
      assertThatThrownBy(
              () ->
                  ExternalClaimsConfig.parse(
                      Map.of("timeout.ms", "5", "failure.policy", "retry", "claim.name", "sub")))
          .isInstanceOf(InvalidConfigException.class)
          .hasMessageContaining("Claims API URL is required.")
          .hasMessageContaining("Timeout (ms) must be")
          .hasMessageContaining("\"failure.policy\"")
          .hasMessageContaining("may not be sub");
    }

    @Test
    void toStringShowsNeitherTheSecretNorTheUrlsPathOrQuery() {
      String text =
          parse(
                  "url", "https://claims.example.com/v1/tenant-42?api_key=k3y",
                  "auth.type", "bearer",
                  "auth.secret", "s3cr3t-t0ken")
              .toString();

      assertThat(text)
          .contains("host=claims.example.com", "auth=bearer", "timeout=500ms", "ttl=60s")
          .doesNotContain("s3cr3t", "tenant-42", "api_key", "k3y", "/v1");
    }
  }
}

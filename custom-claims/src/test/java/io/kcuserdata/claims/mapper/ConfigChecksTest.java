package io.kcuserdata.claims.mapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kcuserdata.claims.config.ExternalClaimsConfig;
import io.kcuserdata.claims.config.InvalidConfigException;
import io.kcuserdata.core.net.SsrfGuard;
import io.kcuserdata.core.signing.WebhookSecret;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.keycloak.protocol.ProtocolMapperConfigException;

/** Checks beyond parsing. IP-literal URLs only: nothing here asks DNS. */
class ConfigChecksTest {

  private static final String PUBLIC_URL = "https://93.184.215.14/claims";

  /** As validateConfig calls it for a secret typed in (or opened from its sealed form). */
  private static void check(ExternalClaimsConfig config, SsrfGuard guard) {
    ConfigChecks.check(config, guard, config.secret().isEmpty() ? null : config.secret());
  }

  private static ExternalClaimsConfig config(String... keyValues) {
    Map<String, String> raw = new HashMap<>();
    raw.put("url", PUBLIC_URL);
    for (int i = 0; i < keyValues.length; i += 2) {
      raw.put(keyValues[i], keyValues[i + 1]);
    }
    return ExternalClaimsConfig.parse(raw);
  }

  @Nested
  class Urls {

    @Test
    void aPublicAddressPasses() {
      assertThatCode(() -> check(config(), SsrfGuard.defaults())).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1/c", "http://10.1.2.3/c", "http://169.254.169.254/c"})
    void anInternalApiUrlIsRefusedNamingTheAllowListOption(String url) {
      assertThatThrownBy(() -> check(config("url", url), SsrfGuard.defaults()))
          .isInstanceOf(InvalidConfigException.class)
          .hasMessageStartingWith("Claims API URL is refused: ")
          .hasMessageContaining("spi-userdata--default--outbound-allow-list");
    }

    @Test
    void anInternalTokenEndpointIsRefusedToo() {
      ExternalClaimsConfig config =
          config(
              "auth.type", "client-credentials",
              "auth.secret", "s",
              "auth.client.id", "kc",
              "auth.token.url", "http://192.168.0.10/token");

      assertThatThrownBy(() -> check(config, SsrfGuard.defaults()))
          .hasMessageStartingWith("Token endpoint URL is refused: ");
    }

    @Test
    void theOperatorsAllowListLetsInternalHostsThrough() {
      assertThatCode(
              () ->
                  check(config("url", "http://10.1.2.3/c"), SsrfGuard.withAllowList("10.0.0.0/8")))
          .doesNotThrowAnyException();
    }
  }

  @Nested
  class HmacSecrets {

    @Test
    void aLiteralSecretMustBeAWebhookSecret() {
      ExternalClaimsConfig config = config("auth.type", "hmac", "auth.secret", "not-a-secret");

      assertThatThrownBy(() -> check(config, SsrfGuard.defaults()))
          .isInstanceOf(InvalidConfigException.class)
          .hasMessageStartingWith("HMAC secret: ")
          .hasMessageNotContaining("not-a-secret");
    }

    @Test
    void aValidSecretOrAVaultReferencePasses() {
      String secret = WebhookSecret.generate().encoded();

      assertThatCode(
              () -> check(config("auth.type", "hmac", "auth.secret", secret), SsrfGuard.defaults()))
          .doesNotThrowAnyException();
      assertThatCode(
              () ->
                  ConfigChecks.check(
                      config("auth.type", "hmac", "auth.secret", "${vault.hmac}"),
                      SsrfGuard.defaults(),
                      null))
          .doesNotThrowAnyException();
    }

    @Test
    void otherAuthTypesTakeAnySecret() {
      assertThatCode(
              () ->
                  check(
                      config("auth.type", "bearer", "auth.secret", "anything"),
                      SsrfGuard.defaults()))
          .doesNotThrowAnyException();
    }
  }

  @Nested
  class AdminMessages {

    @Test
    void bracesAndApostrophesAreReplacedForMessageFormat() {
      ProtocolMapperConfigException e = ConfigChecks.invalid("use {a} or 'b'");

      assertThat(e.getMessage()).isEqualTo("use (a) or \"b\"");
      assertThat(e.getMessageKey()).isEqualTo(ConfigChecks.MESSAGE_KEY);
    }
  }
}

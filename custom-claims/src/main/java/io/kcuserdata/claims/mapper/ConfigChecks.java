package io.kcuserdata.claims.mapper;

import io.kcuserdata.claims.config.AuthType;
import io.kcuserdata.claims.config.ExternalClaimsConfig;
import io.kcuserdata.claims.config.InvalidConfigException;
import io.kcuserdata.core.net.OutboundUse;
import io.kcuserdata.core.net.SsrfDecision;
import io.kcuserdata.core.net.SsrfGuard;
import io.kcuserdata.core.signing.WebhookSecret;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import org.keycloak.protocol.ProtocolMapperConfigException;

/**
 * What {@code validateConfig} checks beyond parsing: the URLs against the SSRF guard (a host that
 * does not resolve yet is accepted; it is checked again at every call) and the format of a literal
 * HMAC secret (typed in, or opened from its sealed form).
 */
final class ConfigChecks {

  /** Not in Keycloak's message bundle on purpose: the admin sees our English text as it is. */
  static final String MESSAGE_KEY = "userdataExternalClaimsMapper.invalidConfig";

  private ConfigChecks() {}

  /**
   * @param literalSecret the secret itself when it is configured literally (typed in or sealed);
   *     null for a vault reference or none
   */
  static void check(ExternalClaimsConfig config, SsrfGuard guard, String literalSecret) {
    checkUrl("Claims API URL", config.url(), guard);
    if (config.tokenUrl() != null) {
      checkUrl("Token endpoint URL", config.tokenUrl(), guard);
    }
    String secret = literalSecret;
    if (config.authType() == AuthType.HMAC && secret != null) {
      try {
        WebhookSecret.parse(secret);
      } catch (IllegalArgumentException e) {
        throw new InvalidConfigException("HMAC secret: " + e.getMessage());
      }
    }
  }

  private static void checkUrl(String label, URI url, SsrfGuard guard) {
    List<InetAddress> addresses;
    try {
      addresses = Arrays.asList(InetAddress.getAllByName(url.getHost()));
    } catch (UnknownHostException e) {
      return;
    }
    SsrfDecision decision = guard.check(url, host -> addresses);
    if (!decision.allowed()) {
      throw new InvalidConfigException(
          label
              + " is refused: "
              + decision.reason()
              + ". An operator can allow internal hosts with "
              + OutboundUse.CLAIMS.howToAllow()
              + ".");
    }
  }

  /**
   * The exception Keycloak's admin API shows. It runs messages through {@code MessageFormat}, which
   * eats braces and apostrophes, so those are replaced.
   */
  static ProtocolMapperConfigException invalid(String message) {
    String safe = message.replace('{', '(').replace('}', ')').replace('\'', '"');
    return new ProtocolMapperConfigException(safe, MESSAGE_KEY);
  }
}

package io.kcuserdata.claims.secret;

import static io.kcuserdata.claims.config.ExternalClaimsConfig.AUTH_SECRET;
import static io.kcuserdata.claims.config.ExternalClaimsConfig.AUTH_TOKEN_URL;
import static io.kcuserdata.claims.config.ExternalClaimsConfig.AUTH_TYPE;
import static io.kcuserdata.claims.config.ExternalClaimsConfig.URL;

import io.kcuserdata.core.secrets.RealmSecrets;
import io.kcuserdata.core.secrets.SealContext;
import io.kcuserdata.core.secrets.SealedSecretException;
import io.kcuserdata.core.secrets.SealedValue;
import java.util.Locale;
import java.util.Map;

/**
 * The mapper's {@code auth.secret} at rest. A secret typed in is sealed before Keycloak stores the
 * config, so the admin API and realm exports show only the sealed form; a vault reference stays as
 * it is. A sealed secret opens only for the realm, the authentication type and the URLs it was
 * saved with: an admin who may change the mapper but not read the secret cannot send it elsewhere
 * by changing the URL, or by pasting it into a mapper of another realm.
 */
public final class MapperSecret {

  /** Part of every sealed value's associated data: never change it. */
  static final String PURPOSE = "userdata-external-claims-mapper auth.secret";

  /** How the secret is configured. */
  public enum Form {
    NONE,
    VAULT_REFERENCE,
    SEALED,
    /** As typed in; stored so before the pack sealed secrets, or not yet sealed. */
    PLAIN
  }

  private MapperSecret() {}

  public static Form formOf(String configured) {
    if (configured == null || configured.isBlank()) {
      return Form.NONE;
    }
    String value = configured.strip();
    if (value.startsWith("${vault.") && value.endsWith("}")) {
      return Form.VAULT_REFERENCE;
    }
    return SealedValue.looksSealed(value) ? Form.SEALED : Form.PLAIN;
  }

  public static Form formOf(Map<String, String> config) {
    return config == null ? Form.NONE : formOf(config.get(AUTH_SECRET));
  }

  /** What a sealed secret stays with: the realm, how it is sent and where to. */
  static SealContext context(String realmId, Map<String, String> config) {
    return SealContext.of(
        PURPOSE,
        realmId,
        text(config, AUTH_TYPE, "none").toLowerCase(Locale.ROOT),
        text(config, URL, ""),
        text(config, AUTH_TOKEN_URL, ""));
  }

  /**
   * Replaces a plain secret in {@code config} by its sealed form.
   *
   * @return whether it did (false for no secret, a vault reference or a sealed one)
   */
  public static boolean sealInPlace(
      RealmSecrets secrets, String realmId, Map<String, String> config) {
    if (formOf(config) != Form.PLAIN) {
      return false;
    }
    config.put(
        AUTH_SECRET, secrets.seal(context(realmId, config), config.get(AUTH_SECRET).strip()));
    return true;
  }

  /**
   * The secret a sealed {@code auth.secret} holds, for this realm and config.
   *
   * @throws SealedSecretException when it does not open here; the message says why, never the value
   */
  public static String open(RealmSecrets secrets, String realmId, Map<String, String> config)
      throws SealedSecretException {
    return secrets.open(context(realmId, config), config.get(AUTH_SECRET).strip());
  }

  /** What an admin is told when a sealed secret cannot be kept. */
  public static String refusal(SealedSecretException e) {
    return "The sealed secret cannot be used here: "
        + e.getMessage()
        + ". A sealed secret stays with the realm, URL, token endpoint and authentication type it"
        + " was saved with: enter the secret again.";
  }

  private static String text(Map<String, String> config, String key, String fallback) {
    String value = config.get(key);
    return value == null || value.isBlank() ? fallback : value.strip();
  }
}

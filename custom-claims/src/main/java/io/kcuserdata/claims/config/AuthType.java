package io.kcuserdata.claims.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How the mapper proves to the claims API that the call comes from this Keycloak. */
public enum AuthType {
  NONE("none"),
  /** The body signed like a Standard Webhooks message, with an {@code whsec_} secret. */
  HMAC("hmac"),
  /** {@code Authorization: Bearer <secret>}. */
  BEARER("bearer"),
  /** An OAuth access token fetched with the client-credentials grant, cached until near expiry. */
  CLIENT_CREDENTIALS("client-credentials");

  private final String configValue;

  AuthType(String configValue) {
    this.configValue = configValue;
  }

  public String configValue() {
    return configValue;
  }

  public boolean needsSecret() {
    return this != NONE;
  }

  static Optional<AuthType> parse(String value) {
    String wanted = value.strip().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(t -> t.configValue.equals(wanted)).findFirst();
  }
}

package io.kcuserdata.claims.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a token gets when the claims API cannot answer (down, slow, broken, breaker open). */
public enum FailurePolicy {
  /** The token is issued without the external claims. */
  OMIT("omit"),
  /** The last good answer for the same key, however old; without one, as {@link #OMIT}. */
  STALE("stale"),
  /** The token request fails with an OAuth error: no token without the claims. */
  DENY("deny");

  private final String configValue;

  FailurePolicy(String configValue) {
    this.configValue = configValue;
  }

  public String configValue() {
    return configValue;
  }

  static Optional<FailurePolicy> parse(String value) {
    String wanted = value.strip().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(p -> p.configValue.equals(wanted)).findFirst();
  }
}

package io.kcuserdata.mappers.email;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How a provider's email address counts as verified: the {@code policy} option. */
public enum EmailVerificationPolicy {
  /** The provider's verified flag decides; a missing or unreadable flag means unverified. */
  CLAIM,
  /** Every address the provider sends is verified: an enterprise provider the realm trusts. */
  ALWAYS,
  /** No address from the provider is verified by the provider's word. */
  NEVER;

  public static final EmailVerificationPolicy DEFAULT = CLAIM;

  /** The value stored in the mapper's config. */
  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }

  static String choices() {
    return Arrays.stream(values())
        .map(EmailVerificationPolicy::value)
        .collect(Collectors.joining(", "));
  }

  static EmailVerificationPolicy parse(String raw) throws InvalidMapperConfigException {
    if (raw == null || raw.isBlank()) {
      return DEFAULT;
    }
    String wanted = raw.trim().toLowerCase(Locale.ROOT);
    for (EmailVerificationPolicy policy : values()) {
      if (policy.value().equals(wanted)) {
        return policy;
      }
    }
    // The value is not echoed: it is an admin's free text, and logs must not carry config values.
    throw new InvalidMapperConfigException(
        EmailVerificationConfig.POLICY, "is not a known policy; expected one of " + choices());
  }
}

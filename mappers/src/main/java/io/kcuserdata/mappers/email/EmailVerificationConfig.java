package io.kcuserdata.mappers.email;

import java.util.Locale;
import java.util.Map;

/**
 * The email-verification mapper's options, checked.
 *
 * @param claim where the provider's verified flag sits; only read under {@link
 *     EmailVerificationPolicy#CLAIM}
 * @param requireVerifyAction add Keycloak's VERIFY_EMAIL required action to a user the mapper
 *     leaves unverified
 */
public record EmailVerificationConfig(
    EmailVerificationPolicy policy, VerifiedClaim claim, boolean requireVerifyAction) {

  public static final String POLICY = "policy";
  public static final String CLAIM = "claim";
  public static final String REQUIRE_VERIFY_ACTION = "require.verify.action";
  public static final String DEFAULT_CLAIM = "email_verified";

  public static EmailVerificationConfig parse(Map<String, String> config)
      throws InvalidMapperConfigException {
    Map<String, String> values = config == null ? Map.of() : config;
    EmailVerificationPolicy policy = EmailVerificationPolicy.parse(values.get(POLICY));
    VerifiedClaim claim = claim(values.get(CLAIM), policy);
    boolean requireVerifyAction = flag(REQUIRE_VERIFY_ACTION, values.get(REQUIRE_VERIFY_ACTION));
    return new EmailVerificationConfig(policy, claim, requireVerifyAction);
  }

  private static VerifiedClaim claim(String raw, EmailVerificationPolicy policy)
      throws InvalidMapperConfigException {
    if (raw == null) {
      return VerifiedClaim.parse(DEFAULT_CLAIM);
    }
    if (policy != EmailVerificationPolicy.CLAIM) {
      // Unused under always/never; refusing it would make switching policies a two-step edit.
      return VerifiedClaim.parseOrDefault(raw, DEFAULT_CLAIM);
    }
    if (raw.isBlank()) {
      throw new InvalidMapperConfigException(
          CLAIM,
          "is blank; under policy claim it must name the claim holding the provider's verified"
              + " flag, for example "
              + DEFAULT_CLAIM);
    }
    try {
      return VerifiedClaim.parse(raw);
    } catch (IllegalArgumentException e) {
      throw new InvalidMapperConfigException(CLAIM, e.getMessage());
    }
  }

  private static boolean flag(String key, String raw) throws InvalidMapperConfigException {
    if (raw == null || raw.isBlank()) {
      return false;
    }
    return switch (raw.trim().toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new InvalidMapperConfigException(key, "must be true or false");
    };
  }
}

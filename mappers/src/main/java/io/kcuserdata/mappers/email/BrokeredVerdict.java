package io.kcuserdata.mappers.email;

/**
 * Whether the provider vouches for the brokered address under the mapper's policy. This is about
 * the provider's word only, never about local accounts: the first-broker-login condition links on
 * it, and a local account's own verification must not make a stranger's claim look verified.
 *
 * @param reason a stable code, recorded in the session notes and logs
 */
public record BrokeredVerdict(boolean verified, String reason) {

  public static final String POLICY_ALWAYS = "policy-always";
  public static final String POLICY_NEVER = "policy-never";
  public static final String CLAIM_TRUE = "claim-true";
  public static final String CLAIM_FALSE = "claim-false";
  public static final String CLAIM_MISSING = "claim-missing";

  /**
   * The flag said true only in claim sets naming another address (or none), never in one naming the
   * address the account gets: CVE-2026-14781's ID-token flag beside a userinfo address.
   */
  public static final String CLAIM_OTHER_ADDRESS = "claim-other-address";

  public static final String CLAIM_INVALID = "claim-invalid";
  public static final String NO_EMAIL = "no-email";
  public static final String EMAIL_REPLACED = "email-replaced";
  public static final String CONFIG_INVALID = "config-invalid";

  static BrokeredVerdict verified(String reason) {
    return new BrokeredVerdict(true, reason);
  }

  static BrokeredVerdict unverified(String reason) {
    return new BrokeredVerdict(false, reason);
  }
}

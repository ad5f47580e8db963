package io.kcuserdata.mappers.condition;

/**
 * What the condition knows about the brokered email.
 *
 * @param source {@code mapper} (the email-verification mapper's note), {@code keycloak} (Keycloak's
 *     own Trust Email view) or {@code none} (no brokered login in this session)
 * @param reason the mapper's reason code, or a short word for the other sources
 * @param address the brokered address, null when unknown
 */
record BrokeredEmailStatus(boolean verified, String source, String reason, String address) {

  static final String MAPPER = "mapper";
  static final String KEYCLOAK = "keycloak";
  static final String NONE = "none";
  static final String REPLACED = "email-replaced";

  /**
   * From the email-verification mapper's note in the serialized brokered context. The note was
   * written before the first-broker-login flow, so an address typed on the review-profile page
   * since, or any address other than the one the note was about, turns it into a no.
   */
  static BrokeredEmailStatus fromMapper(
      String note, String reason, String notedAddress, String address, boolean editedOnReview) {
    boolean sameAddress =
        address != null
            && !address.isBlank()
            && (notedAddress == null || notedAddress.equalsIgnoreCase(address.trim()));
    if (editedOnReview || !sameAddress) {
      return new BrokeredEmailStatus(false, MAPPER, REPLACED, address);
    }
    return new BrokeredEmailStatus("true".equals(note), MAPPER, orUnknown(reason), address);
  }

  /** From the authentication-session note alone, when no serialized brokered context is left. */
  static BrokeredEmailStatus fromMapperNote(String note, String reason, boolean editedOnReview) {
    if (editedOnReview) {
      return new BrokeredEmailStatus(false, MAPPER, REPLACED, null);
    }
    return new BrokeredEmailStatus("true".equals(note), MAPPER, orUnknown(reason), null);
  }

  private static String orUnknown(String reason) {
    return reason == null ? "unknown" : reason;
  }

  static BrokeredEmailStatus fromKeycloak(
      boolean trustEmail,
      Object emailVerifiedClaim,
      Object tokenAddress,
      String address,
      boolean editedOnReview) {
    boolean verified =
        KeycloakEmailView.verified(
            trustEmail, emailVerifiedClaim, tokenAddress, address, editedOnReview);
    return new BrokeredEmailStatus(
        verified, KEYCLOAK, trustEmail ? "trust-email" : "no-trust-email", address);
  }

  static BrokeredEmailStatus none() {
    return new BrokeredEmailStatus(false, NONE, "no-brokered-login", null);
  }

  /**
   * The condition's answer. With {@code requireVerifiedAccount}, the existing account the flow
   * found must also hold this same address, verified here: auto-linking to an account whose address
   * nobody proved would hand it to whoever created it (account pre-hijacking).
   */
  boolean matches(boolean requireVerifiedAccount, ExistingAccount account, boolean negate) {
    boolean result = verified;
    if (result && requireVerifiedAccount) {
      result = account != null && account.holdsVerified(address);
    }
    return result != negate;
  }

  /** The existing account first-broker-login found as a duplicate; null when there is none. */
  record ExistingAccount(String email, boolean emailVerified) {

    boolean holdsVerified(String address) {
      return emailVerified
          && email != null
          && address != null
          && email.equalsIgnoreCase(address.trim());
    }
  }
}

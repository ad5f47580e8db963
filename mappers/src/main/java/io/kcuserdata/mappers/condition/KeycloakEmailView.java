package io.kcuserdata.mappers.condition;

/**
 * Keycloak's own answer to "is the brokered email verified", used when no email-verification mapper
 * ran for the provider. It mirrors what Keycloak 26 would set on a new account ({@code
 * AbstractIdentityProvider.updateEmail} and {@code setEmailVerified}, and {@code
 * OIDCIdentityProvider.setEmailVerified}): nothing is verified without Trust Email, an address
 * typed on the review-profile page is not verified, and with Trust Email on, an OIDC provider's
 * {@code email_verified} claim decides when the token carries it and everything else is verified.
 * That last rule is the weakness this pack exists for: a missing claim counts as yes.
 *
 * <p>One rule is stricter than Keycloak 26.7: the token's claim counts only for the address that
 * same token names. Keycloak takes the address from userinfo and the flag from the ID token, so an
 * upstream whose ID token vouches for its own address while userinfo names someone else's got that
 * address verified (CVE-2026-14781, fixed in Keycloak 26.8); a flow linking on this answer would
 * hand over that person's account.
 */
final class KeycloakEmailView {

  private KeycloakEmailView() {}

  /**
   * @param emailVerifiedClaim the {@code email_verified} claim of the validated ID token, else of
   *     the validated access token, as Keycloak reads it; null when absent or not an OIDC provider
   * @param tokenAddress the {@code email} claim of that same token, null when it has none
   * @param address the brokered address, null when there is none
   */
  static boolean verified(
      boolean trustEmail,
      Object emailVerifiedClaim,
      Object tokenAddress,
      String address,
      boolean replaced) {
    boolean hasEmail = address != null && !address.isBlank();
    if (!hasEmail || replaced || !trustEmail) {
      return false;
    }
    if (emailVerifiedClaim != null) {
      // Boolean.valueOf(toString()), exactly as OIDCIdentityProvider reads it.
      return Boolean.parseBoolean(emailVerifiedClaim.toString())
          && tokenAddress instanceof String named
          && named.trim().equalsIgnoreCase(address.trim());
    }
    return true;
  }
}

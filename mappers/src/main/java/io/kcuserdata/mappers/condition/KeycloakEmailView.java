package io.kcuserdata.mappers.condition;

/**
 * Keycloak's own answer to "is the brokered email verified", used when no email-verification mapper
 * ran for the provider. It mirrors what Keycloak 26 would set on a new account ({@code
 * AbstractIdentityProvider.updateEmail} and {@code setEmailVerified}, and {@code
 * OIDCIdentityProvider.setEmailVerified}): nothing is verified without Trust Email, an address
 * typed on the review-profile page is not verified, and with Trust Email on, an OIDC provider's
 * {@code email_verified} claim decides when the token carries it and everything else is verified.
 * That last rule is the weakness this pack exists for: a missing claim counts as yes.
 */
final class KeycloakEmailView {

  private KeycloakEmailView() {}

  /**
   * @param emailVerifiedClaim the {@code email_verified} claim of the validated ID token, else of
   *     the validated access token, as Keycloak reads it; null when absent or not an OIDC provider
   */
  static boolean verified(
      boolean trustEmail, Object emailVerifiedClaim, boolean hasEmail, boolean replaced) {
    if (!hasEmail || replaced || !trustEmail) {
      return false;
    }
    if (emailVerifiedClaim != null) {
      // Boolean.valueOf(toString()), exactly as OIDCIdentityProvider reads it.
      return Boolean.parseBoolean(emailVerifiedClaim.toString());
    }
    return true;
  }
}

package io.kcuserdata.mappers.email;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What one claim set of the provider (the ID token, the access token, the userinfo or profile JSON)
 * asserts about an email address: the address it names and its own verified flag. A flag speaks
 * only for the address of the same set: Keycloak 26.7's OIDC broker applies the ID token's {@code
 * email_verified} to the address it took from userinfo (CVE-2026-14781), and this is where the pack
 * keeps the two together.
 *
 * @param address the set's {@code email} claim, trimmed; null when the set names no address
 */
record AddressAssertion(String address, VerifiedFlag flag) {

  /** The claim Keycloak's OIDC broker takes the address from, in the ID token and in userinfo. */
  static final String EMAIL_CLAIM = "email";

  static AddressAssertion of(JsonNode claims, VerifiedClaim verifiedClaim) {
    JsonNode email = claims == null ? null : claims.get(EMAIL_CLAIM);
    String address =
        email != null && email.isTextual() && !email.textValue().isBlank()
            ? email.textValue().trim()
            : null;
    return new AddressAssertion(
        address, VerifiedFlag.of(claims == null ? null : verifiedClaim.find(claims)));
  }

  boolean names(String other) {
    return address != null && address.equalsIgnoreCase(other);
  }
}

package io.kcuserdata.mappers.email;

import java.util.Arrays;
import java.util.List;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/** The admin-console form of the email-verification mapper. */
final class EmailVerificationProperties {

  private EmailVerificationProperties() {}

  static List<ProviderConfigProperty> create() {
    return ProviderConfigurationBuilder.create()
        .property()
        .name(EmailVerificationConfig.POLICY)
        .label("Policy")
        .helpText(
            "claim: the provider's verified flag decides, and a missing or false flag means"
                + " unverified (GitHub and Microsoft's Graph profile carry none, Google's userinfo"
                + " does). always: every address from this provider is verified, for an"
                + " enterprise provider you trust. never: no address from it is verified.")
        .type(ProviderConfigProperty.LIST_TYPE)
        .options(
            Arrays.stream(EmailVerificationPolicy.values())
                .map(EmailVerificationPolicy::value)
                .toList())
        .defaultValue(EmailVerificationPolicy.DEFAULT.value())
        .add()
        .property()
        .name(EmailVerificationConfig.CLAIM)
        .label("Verified claim")
        .helpText(
            "Under policy claim: the claim holding the verified flag, looked up in the ID token,"
                + " the access token and the userinfo or profile JSON. A flag counts only for the"
                + " address in the email claim of the same token or response (an ID token's flag"
                + " never verifies a different address from userinfo, CVE-2026-14781), and must"
                + " say true wherever that address appears. Dots nest (a.b); \\. is a literal"
                + " dot. A boolean or the string true or false.")
        .type(ProviderConfigProperty.STRING_TYPE)
        .defaultValue(EmailVerificationConfig.DEFAULT_CLAIM)
        .add()
        .property()
        .name(EmailVerificationConfig.REQUIRE_VERIFY_ACTION)
        .label("Require email verification")
        .helpText(
            "Adds Keycloak's Verify Email required action to a user this mapper leaves"
                + " unverified, so the user proves the address at the next step of the login.")
        .type(ProviderConfigProperty.BOOLEAN_TYPE)
        .defaultValue("false")
        .add()
        .build();
  }
}

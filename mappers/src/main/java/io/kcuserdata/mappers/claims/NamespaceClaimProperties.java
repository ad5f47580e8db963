package io.kcuserdata.mappers.claims;

import java.util.List;
import org.keycloak.protocol.oidc.mappers.OIDCAttributeMapperHelper;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/** The options an admin sets on a {@code userdata-namespace-claim-mapper}. */
final class NamespaceClaimProperties {

  static final String NAMESPACE_HELP =
      "Which namespace of the user's data goes into the token: profile, user_metadata,"
          + " custom_data, app_metadata, idp.<alias> (what one identity provider sent),"
          + " org.<alias> (the user's data in one organization), or org alone for the"
          + " organization this token is issued for (Keycloak's organization scope; when the"
          + " token has no single organization, no claim is added). The pack's internal status"
          + " namespace cannot be used. WARNING: a token is readable by whoever holds it, the"
          + " user and the client alike. app_metadata is data the user must not see: a mapper"
          + " for it shows that data to the user and to the client. Map app_metadata only if"
          + " you accept that, and never for secrets.";

  static final String KEYS_HELP =
      "Comma-separated top-level keys of the namespace to include, for example"
          + " plan,company_size. Empty includes every key. Keys the user has no value for are"
          + " left out; when nothing is left, no claim is added.";

  static final String CLAIM_NAME_HELP =
      "Name of the claim holding the data as one JSON object, values keeping their JSON types."
          + " Empty uses the namespace name. Dots nest the claim as in Keycloak's other mappers"
          + " (idp.google gives an idp object holding google); a backslash escapes a dot. For"
          + " the profile namespace pick another name, such as profile_data: OIDC defines the"
          + " profile claim as the URL of the user's profile page.";

  private NamespaceClaimProperties() {}

  static List<ProviderConfigProperty> create() {
    List<ProviderConfigProperty> properties =
        ProviderConfigurationBuilder.create()
            .property()
            .name(ClaimMapperConfig.NAMESPACE)
            .label("Namespace")
            .type(ProviderConfigProperty.STRING_TYPE)
            .required(true)
            .helpText(NAMESPACE_HELP)
            .add()
            .property()
            .name(ClaimMapperConfig.KEYS)
            .label("Keys")
            .type(ProviderConfigProperty.STRING_TYPE)
            .helpText(KEYS_HELP)
            .add()
            .property()
            .name(ClaimMapperConfig.CLAIM_NAME)
            .label("Token claim name")
            .type(ProviderConfigProperty.STRING_TYPE)
            .helpText(CLAIM_NAME_HELP)
            .add()
            .build();
    OIDCAttributeMapperHelper.addIncludeInTokensConfig(properties, NamespaceClaimMapper.class);
    return List.copyOf(properties);
  }
}

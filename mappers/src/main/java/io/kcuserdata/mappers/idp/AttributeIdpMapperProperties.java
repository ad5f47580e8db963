package io.kcuserdata.mappers.idp;

import java.util.Arrays;
import java.util.List;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/** The mapper's form in the admin console: choices as lists, so most mistakes cannot be typed. */
final class AttributeIdpMapperProperties {

  private AttributeIdpMapperProperties() {}

  static List<ProviderConfigProperty> create() {
    return ProviderConfigurationBuilder.create()
        .property()
        .name(MapperConfig.SOURCE)
        .label("Claim or attribute")
        .type(ProviderConfigProperty.STRING_TYPE)
        .helpText(
            "OIDC and social providers: a claim path such as email, address.country, groups[0] or"
                + " a.b[0].c, looked up in the ID token, then the access token, then userinfo;"
                + " write \\. for a dot inside a claim name. SAML: the attribute's Name or"
                + " FriendlyName (several values become an array).")
        .add()
        .property()
        .name(MapperConfig.TARGET)
        .label("Target")
        .type(ProviderConfigProperty.STRING_TYPE)
        .helpText(
            "<namespace>.<key> to write: profile.<OIDC claim>, custom_data.<key>,"
                + " app_metadata.<key>, org.<alias>.<key> (members only) or idp.<this provider's"
                + " alias>.<key>. user_metadata and status are not writable by providers.")
        .add()
        .property()
        .name(MapperConfig.VALUE_TYPE)
        .label("Value type")
        .type(ProviderConfigProperty.LIST_TYPE)
        .options(Arrays.stream(ValueType.values()).map(ValueType::configValue).toList())
        .defaultValue(ValueType.AUTO.configValue())
        .helpText(
            "auto keeps the provider's JSON types (objects and arrays stay JSON); string, boolean,"
                + " number convert scalars (a value that does not convert is skipped); json parses"
                + " text holding JSON; string-array makes an array of strings.")
        .add()
        .property()
        .name(MapperConfig.UPDATE_POLICY)
        .label("Update policy")
        .type(ProviderConfigProperty.LIST_TYPE)
        .options(Arrays.stream(UpdatePolicy.values()).map(UpdatePolicy::configValue).toList())
        .defaultValue(UpdatePolicy.OVERWRITE.configValue())
        .helpText(
            "On a sync (sync mode FORCE): overwrite replaces the stored value; if-empty writes"
                + " only when there is none; preserve-local-edits replaces it only while nobody"
                + " (the user, an admin) changed it since this provider last wrote it.")
        .add()
        .property()
        .name(MapperConfig.ON_MISSING)
        .label("When the provider sends nothing")
        .type(ProviderConfigProperty.LIST_TYPE)
        .options(Arrays.stream(OnMissing.values()).map(OnMissing::configValue).toList())
        .defaultValue(OnMissing.KEEP.configValue())
        .helpText(
            "keep leaves the stored value; remove deletes it on a sync (never under if-empty, and"
                + " under preserve-local-edits only when it was not edited locally).")
        .add()
        .build();
  }
}

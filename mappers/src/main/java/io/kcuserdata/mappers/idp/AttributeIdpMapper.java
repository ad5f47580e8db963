package io.kcuserdata.mappers.idp;

import java.util.List;
import org.keycloak.broker.provider.AbstractIdentityProviderMapper;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.models.IdentityProviderMapperModel;
import org.keycloak.models.IdentityProviderSyncMode;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.provider.ProviderConfigProperty;

/**
 * {@code userdata-attribute-idp-mapper}: one claim or SAML attribute of any provider into one key
 * of the user's namespaced data, typed, under the pack's rules and limits.
 */
public final class AttributeIdpMapper extends AbstractIdentityProviderMapper {

  public static final String PROVIDER_ID = "userdata-attribute-idp-mapper";

  private static final List<ProviderConfigProperty> PROPERTIES =
      AttributeIdpMapperProperties.create();

  @Override
  public String getId() {
    return PROVIDER_ID;
  }

  @Override
  public String[] getCompatibleProviders() {
    return new String[] {ANY_PROVIDER};
  }

  @Override
  public String getDisplayCategory() {
    return "Attribute Importer";
  }

  @Override
  public String getDisplayType() {
    return "User data attribute";
  }

  @Override
  public String getHelpText() {
    return "Imports one claim (OIDC and social providers: a path such as address.country or"
        + " groups[0]) or SAML attribute (by Name or FriendlyName) into one key of the user's data,"
        + " e.g. custom_data.plan or idp.<this provider>.sub, keeping JSON types. Providers write"
        + " profile, custom_data, app_metadata, org.<alias> and their own idp.<alias>.";
  }

  @Override
  public boolean supportsSyncMode(IdentityProviderSyncMode syncMode) {
    return true;
  }

  @Override
  public List<ProviderConfigProperty> getConfigProperties() {
    return PROPERTIES;
  }

  @Override
  public void importNewUser(
      KeycloakSession session,
      RealmModel realm,
      UserModel user,
      IdentityProviderMapperModel mapperModel,
      BrokeredIdentityContext context) {
    new AttributeImport(session, realm, user, mapperModel).run(context);
  }

  @Override
  public void updateBrokeredUser(
      KeycloakSession session,
      RealmModel realm,
      UserModel user,
      IdentityProviderMapperModel mapperModel,
      BrokeredIdentityContext context) {
    new AttributeImport(session, realm, user, mapperModel).run(context);
  }

  /**
   * A new mapper has no behaviour from before sync modes existed: LEGACY imports at the first login
   * only, like IMPORT.
   */
  @Override
  public void updateBrokeredUserLegacy(
      KeycloakSession session,
      RealmModel realm,
      UserModel user,
      IdentityProviderMapperModel mapperModel,
      BrokeredIdentityContext context) {}
}

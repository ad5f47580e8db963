package io.kcuserdata.mappers.email;

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
 * {@code userdata-email-verification-idp-mapper}: decides whether an email address from an identity
 * provider counts as verified, instead of Keycloak's all-or-nothing Trust Email.
 *
 * <p>Keycloak routes the sync modes: the first login goes to {@code importNewUser}, a FORCE sync
 * (the mapper's own, or the provider's through INHERIT) to {@code updateBrokeredUser}, and IMPORT
 * never comes back. LEGACY goes to {@code updateBrokeredUserLegacy}, which only applies at the
 * first login here, as IMPORT.
 */
public final class EmailVerificationIdpMapper extends AbstractIdentityProviderMapper {

  public static final String PROVIDER_ID = "userdata-email-verification-idp-mapper";

  private static final String[] COMPATIBLE_PROVIDERS = {ANY_PROVIDER};
  private static final List<ProviderConfigProperty> PROPERTIES =
      EmailVerificationProperties.create();

  @Override
  public String getId() {
    return PROVIDER_ID;
  }

  @Override
  public String[] getCompatibleProviders() {
    return COMPATIBLE_PROVIDERS.clone();
  }

  @Override
  public String getDisplayCategory() {
    return "Email verification";
  }

  @Override
  public String getDisplayType() {
    return "User data: verified email policy";
  }

  @Override
  public String getHelpText() {
    return "Decides whether the email address from this provider counts as verified: by the"
        + " provider's verified flag (claim), always (a trusted enterprise provider) or never."
        + " A flag counts only for the address of the same token or userinfo response, so an ID"
        + " token's flag never verifies another address from userinfo (CVE-2026-14781)."
        + " Applied at the first login and at each FORCE sync; a changed address is unverified"
        + " unless the policy verifies it. Records the decision for the 'brokered email verified'"
        + " condition of the first-broker-login flow.";
  }

  @Override
  public List<ProviderConfigProperty> getConfigProperties() {
    return PROPERTIES;
  }

  @Override
  public boolean supportsSyncMode(IdentityProviderSyncMode syncMode) {
    return true;
  }

  @Override
  public void preprocessFederatedIdentity(
      KeycloakSession session,
      RealmModel realm,
      IdentityProviderMapperModel mapperModel,
      BrokeredIdentityContext context) {
    BrokeredEmailVerification.preprocess(session, realm, mapperModel, context);
  }

  @Override
  public void importNewUser(
      KeycloakSession session,
      RealmModel realm,
      UserModel user,
      IdentityProviderMapperModel mapperModel,
      BrokeredIdentityContext context) {
    BrokeredEmailVerification.apply(session, user, mapperModel, context);
  }

  @Override
  public void updateBrokeredUser(
      KeycloakSession session,
      RealmModel realm,
      UserModel user,
      IdentityProviderMapperModel mapperModel,
      BrokeredIdentityContext context) {
    BrokeredEmailVerification.apply(session, user, mapperModel, context);
  }

  @Override
  public void updateBrokeredUserLegacy(
      KeycloakSession session,
      RealmModel realm,
      UserModel user,
      IdentityProviderMapperModel mapperModel,
      BrokeredIdentityContext context) {
    // LEGACY means "first login only" for this mapper; the preprocess notes are already recorded.
  }
}

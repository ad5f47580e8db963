package io.kcuserdata.mappers.condition;

import java.util.List;
import org.keycloak.Config;
import org.keycloak.authentication.authenticators.conditional.ConditionalAuthenticator;
import org.keycloak.authentication.authenticators.conditional.ConditionalAuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * {@code userdata-brokered-email-verified}: true in a first-broker-login (or post-broker-login)
 * flow when the brokered email is verified. The answer comes from the email-verification mapper of
 * that provider when one ran, else from Keycloak's own Trust Email view ({@link
 * KeycloakEmailView}); without a brokered login in the session it is false.
 */
public final class BrokeredEmailVerifiedConditionFactory
    implements ConditionalAuthenticatorFactory {

  // Not the longer userdata-condition-brokered-email-verified first planned: Keycloak stores an
  // execution's authenticator id in a 36-character column, so that id cannot be used in any flow.
  public static final String PROVIDER_ID = "userdata-brokered-email-verified";
  public static final String NEGATE = "negate";
  public static final String EXISTING_USER_VERIFIED = "existing.user.verified";

  private static final Requirement[] REQUIREMENT_CHOICES = {
    Requirement.REQUIRED, Requirement.DISABLED
  };

  private static final List<ProviderConfigProperty> PROPERTIES =
      ProviderConfigurationBuilder.create()
          .property()
          .name(NEGATE)
          .label("Negate output")
          .helpText("True when the brokered email is NOT verified.")
          .type(ProviderConfigProperty.BOOLEAN_TYPE)
          .defaultValue("false")
          .add()
          .property()
          .name(EXISTING_USER_VERIFIED)
          .label("Require verified existing account")
          .helpText(
              "Also require the existing account that first-broker-login found to hold this same"
                  + " address, verified here. Protects against pre-registered accounts: without"
                  + " it, whoever created an account with someone else's unverified address gets"
                  + " that person's provider login linked to it.")
          .type(ProviderConfigProperty.BOOLEAN_TYPE)
          .defaultValue("false")
          .add()
          .build();

  @Override
  public String getId() {
    return PROVIDER_ID;
  }

  @Override
  public String getDisplayType() {
    return "Condition - brokered email verified";
  }

  @Override
  public String getHelpText() {
    return "Flow is executed only if the email from the identity provider is verified: by the"
        + " provider's 'User data: verified email policy' mapper when it has one, else by"
        + " Keycloak's Trust Email. Use it to auto-link verified addresses only.";
  }

  @Override
  public boolean isConfigurable() {
    return true;
  }

  @Override
  public List<ProviderConfigProperty> getConfigProperties() {
    return PROPERTIES;
  }

  @Override
  public Requirement[] getRequirementChoices() {
    return REQUIREMENT_CHOICES.clone();
  }

  @Override
  public boolean isUserSetupAllowed() {
    return false;
  }

  @Override
  public ConditionalAuthenticator getSingleton() {
    return BrokeredEmailVerifiedCondition.SINGLETON;
  }

  @Override
  public void init(Config.Scope config) {
    // No server-wide options.
  }

  @Override
  public void postInit(KeycloakSessionFactory factory) {
    // Nothing to wire.
  }

  @Override
  public void close() {
    // Nothing held.
  }
}

package io.kcuserdata.themes.progressive.action;

import io.kcuserdata.themes.progressive.CollectedAttribute;
import io.kcuserdata.themes.progressive.InvalidSettingException;
import io.kcuserdata.themes.progressive.ProgressiveProfileSettings;
import java.util.List;
import org.keycloak.Config;
import org.keycloak.authentication.RequiredActionFactory;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RequiredActionConfigModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.representations.userprofile.config.UPConfig;
import org.keycloak.userprofile.UserProfileProvider;
import org.keycloak.userprofile.ValidationException;
import org.keycloak.validate.ValidationError;

/** Registers {@code userdata-progressive-profile} and checks its configuration when saved. */
public final class ProgressiveProfileActionFactory implements RequiredActionFactory {

  public static final String ID = "userdata-progressive-profile";

  private static final ProgressiveProfileAction ACTION = new ProgressiveProfileAction();

  @Override
  public String getId() {
    return ID;
  }

  @Override
  public String getDisplayText() {
    return "Progressive profile (kc-userdata)";
  }

  @Override
  public RequiredActionProvider create(KeycloakSession session) {
    return ACTION;
  }

  /** Keycloak keeps adding it to sign-ins by itself; nothing stays on the user. */
  @Override
  public boolean isOneTimeAction() {
    return false;
  }

  @Override
  public List<ProviderConfigProperty> getConfigMetadata() {
    return ProviderConfigurationBuilder.create()
        .property()
        .name(ProgressiveProfileSettings.ATTRIBUTES)
        .label("Attributes to collect")
        .helpText(
            "In the order to ask. profile.<claim> (an OIDC standard claim), user_metadata.<key>,"
                + " or an attribute the realm's user profile declares (its validators then apply)."
                + " Users may not write other namespaces, so they cannot be listed.")
        .type(ProviderConfigProperty.MULTIVALUED_STRING_TYPE)
        .add()
        .property()
        .name(ProgressiveProfileSettings.MAX_PER_PROMPT)
        .label("Attributes per prompt")
        .helpText("How many missing attributes one prompt asks for (1 to 10).")
        .type(ProviderConfigProperty.INTEGER_TYPE)
        .defaultValue(ProgressiveProfileSettings.DEFAULT_MAX_PER_PROMPT)
        .add()
        .property()
        .name(ProgressiveProfileSettings.SKIPPABLE)
        .label("Skippable")
        .helpText(
            "Whether the person may postpone the prompt. A skipped prompt comes back only after"
                + " the sign-ins set below.")
        .type(ProviderConfigProperty.BOOLEAN_TYPE)
        .defaultValue("true")
        .add()
        .property()
        .name(ProgressiveProfileSettings.SIGN_INS_BETWEEN_PROMPTS)
        .label("Sign-ins between prompts")
        .helpText(
            "Sign-ins without a prompt after each prompt, answered or skipped (0 asks at every"
                + " sign-in while something is missing).")
        .type(ProviderConfigProperty.INTEGER_TYPE)
        .defaultValue(ProgressiveProfileSettings.DEFAULT_SIGN_INS_BETWEEN_PROMPTS)
        .add()
        .build();
  }

  /**
   * Refuses a configuration that could not run, naming the setting: an attribute users may not
   * write, one the user profile does not declare, a number out of range.
   */
  @Override
  public void validateConfig(
      KeycloakSession session, RealmModel realm, RequiredActionConfigModel model) {
    ProgressiveProfileSettings settings;
    try {
      settings = ProgressiveProfileSettings.parse(model.getConfig());
    } catch (InvalidSettingException e) {
      throw refusal(e.setting(), e.getMessage());
    }
    UPConfig declared = session.getProvider(UserProfileProvider.class).getConfiguration();
    for (CollectedAttribute attribute : settings.attributes()) {
      if (!attribute.namespaced() && declared.getAttribute(attribute.name()) == null) {
        throw refusal(
            ProgressiveProfileSettings.ATTRIBUTES,
            ProgressiveProfileSettings.ATTRIBUTES
                + ": '"
                + attribute.name()
                + "' is neither profile.*, user_metadata.* nor declared in the realm's user"
                + " profile");
      }
    }
  }

  private static ValidationException refusal(String setting, String message) {
    return new ValidationException(new ValidationError(ID, setting, message));
  }

  @Override
  public void init(Config.Scope config) {}

  @Override
  public void postInit(KeycloakSessionFactory factory) {}

  @Override
  public void close() {}
}

package io.kcuserdata.admin.access;

import java.util.List;
import org.keycloak.Config;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;

/** Registers {@link ClientAccessGuard} for the browser and direct-grant flows. */
public final class ClientAccessGuardFactory implements AuthenticatorFactory {

  public static final String ID = "userdata-client-access-guard";

  /**
   * Not a credential type, on purpose: Keycloak counts an authenticator's failure towards
   * brute-force lockout only when its category is null or {@code password}/{@code otp}/{@code
   * recovery-authn-codes}. A blocked user who retries must not get locked out of every other
   * application too.
   */
  public static final String REFERENCE_CATEGORY = "userdata-client-access";

  private static final Requirement[] REQUIREMENT_CHOICES = {
    Requirement.REQUIRED, Requirement.DISABLED
  };

  // Stateless, so one instance serves every session.
  private static final ClientAccessGuard GUARD = new ClientAccessGuard();

  @Override
  public Authenticator create(KeycloakSession session) {
    return GUARD;
  }

  @Override
  public String getId() {
    return ID;
  }

  @Override
  public String getDisplayType() {
    return "User data: client access guard";
  }

  @Override
  public String getReferenceCategory() {
    return REFERENCE_CATEGORY;
  }

  @Override
  public Requirement[] getRequirementChoices() {
    return REQUIREMENT_CHOICES.clone();
  }

  @Override
  public boolean isConfigurable() {
    return false;
  }

  @Override
  public boolean isUserSetupAllowed() {
    return false;
  }

  @Override
  public String getHelpText() {
    return "Refuses the login when the client is listed in the user's status.blocked_clients."
        + " Needs an identified user: in a browser flow place it after the step that identifies"
        + " the user (e.g. after 'Username Password Form', or at top level after the subflow"
        + " holding 'Cookie' so SSO logins are checked too); in the direct grant flow place it"
        + " after 'Password'.";
  }

  @Override
  public List<ProviderConfigProperty> getConfigProperties() {
    return List.of();
  }

  @Override
  public void init(Config.Scope config) {}

  @Override
  public void postInit(KeycloakSessionFactory factory) {}

  @Override
  public void close() {}
}

package io.kcuserdata.mappers.condition;

import io.kcuserdata.mappers.condition.BrokeredEmailStatus.ExistingAccount;
import io.kcuserdata.mappers.email.BrokeredEmailNotes;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.authenticators.broker.AbstractIdpAuthenticator;
import org.keycloak.authentication.authenticators.broker.util.ExistingUserInfo;
import org.keycloak.authentication.authenticators.broker.util.PostBrokerLoginConstants;
import org.keycloak.authentication.authenticators.broker.util.SerializedBrokeredIdentityContext;
import org.keycloak.authentication.authenticators.broker.util.SerializedBrokeredIdentityContext.ContextDataEntry;
import org.keycloak.authentication.authenticators.conditional.ConditionalAuthenticator;
import org.keycloak.broker.oidc.OIDCIdentityProvider;
import org.keycloak.broker.provider.AbstractIdentityProvider;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.representations.IDToken;
import org.keycloak.representations.JsonWebToken;
import org.keycloak.sessions.AuthenticationSessionModel;

/** Reads the brokered email's status from the authentication session; see the factory. */
final class BrokeredEmailVerifiedCondition implements ConditionalAuthenticator {

  static final BrokeredEmailVerifiedCondition SINGLETON = new BrokeredEmailVerifiedCondition();

  private static final Logger LOG = Logger.getLogger(BrokeredEmailVerifiedCondition.class);

  /**
   * First-broker-login keeps the brokered context under the first note, post-broker-login under the
   * second.
   */
  private static final List<String> CONTEXT_NOTES =
      List.of(
          AbstractIdpAuthenticator.BROKERED_CONTEXT_NOTE,
          PostBrokerLoginConstants.PBL_BROKERED_IDENTITY_CONTEXT);

  @Override
  public boolean matchCondition(AuthenticationFlowContext context) {
    Map<String, String> config =
        context.getAuthenticatorConfig() == null
            ? Map.of()
            : context.getAuthenticatorConfig().getConfig();
    return matches(
        config, context.getSession(), context.getRealm(), context.getAuthenticationSession());
  }

  /** The condition apart from the flow context, whose interface drags in the JAX-RS API. */
  boolean matches(
      Map<String, String> config,
      KeycloakSession session,
      RealmModel realm,
      AuthenticationSessionModel authSession) {
    boolean negate = Boolean.parseBoolean(config.get(BrokeredEmailVerifiedConditionFactory.NEGATE));
    boolean requireAccount =
        Boolean.parseBoolean(
            config.get(BrokeredEmailVerifiedConditionFactory.EXISTING_USER_VERIFIED));

    BrokeredEmailStatus status = status(session, authSession);
    ExistingAccount account = requireAccount ? existingAccount(session, realm, authSession) : null;
    boolean result = status.matches(requireAccount, account, negate);
    LOG.debugf(
        "Brokered email verified: %s by %s (%s); existing account required %s; negate %s: %s",
        status.verified(), status.source(), status.reason(), requireAccount, negate, result);
    return result;
  }

  private static BrokeredEmailStatus status(
      KeycloakSession session, AuthenticationSessionModel authSession) {
    boolean edited =
        Boolean.parseBoolean(
            authSession.getAuthNote(AbstractIdentityProvider.UPDATE_PROFILE_EMAIL_CHANGED));
    SerializedBrokeredIdentityContext serialized = serializedContext(authSession);
    if (serialized == null) {
      String note = authSession.getAuthNote(BrokeredEmailNotes.VERIFIED);
      return note == null
          ? BrokeredEmailStatus.none()
          : BrokeredEmailStatus.fromMapperNote(
              note, authSession.getAuthNote(BrokeredEmailNotes.VERIFIED_REASON), edited);
    }
    String note = string(serialized, BrokeredEmailNotes.VERIFIED);
    if (note != null) {
      return BrokeredEmailStatus.fromMapper(
          note,
          string(serialized, BrokeredEmailNotes.VERIFIED_REASON),
          string(serialized, BrokeredEmailNotes.ADDRESS),
          serialized.getEmail(),
          edited);
    }
    BrokeredIdentityContext brokered = serialized.deserialize(session, authSession);
    Map<String, Object> token = tokenClaims(brokered);
    return BrokeredEmailStatus.fromKeycloak(
        Boolean.TRUE.equals(brokered.getIdpConfig().isTrustEmail()),
        token.get(IDToken.EMAIL_VERIFIED),
        token.get(IDToken.EMAIL),
        serialized.getEmail(),
        edited);
  }

  private static SerializedBrokeredIdentityContext serializedContext(
      AuthenticationSessionModel authSession) {
    for (String note : CONTEXT_NOTES) {
      SerializedBrokeredIdentityContext serialized =
          SerializedBrokeredIdentityContext.readFromAuthenticationSession(authSession, note);
      if (serialized != null) {
        return serialized;
      }
    }
    return null;
  }

  /** The mapper writes plain strings, which Keycloak's marshallers store as they are. */
  private static String string(SerializedBrokeredIdentityContext serialized, String key) {
    ContextDataEntry entry = serialized.getContextData().get(key);
    return entry != null && String.class.getName().equals(entry.getClazz())
        ? entry.getData()
        : null;
  }

  /**
   * The claims of the token OIDCIdentityProvider.setEmailVerified looks at: the ID token, else the
   * access token; empty when there is none.
   */
  private static Map<String, Object> tokenClaims(BrokeredIdentityContext brokered) {
    Object token = brokered.getContextData().get(OIDCIdentityProvider.VALIDATED_ID_TOKEN);
    if (token == null) {
      token = brokered.getContextData().get(OIDCIdentityProvider.VALIDATED_ACCESS_TOKEN);
    }
    return token instanceof JsonWebToken jwt ? jwt.getOtherClaims() : Map.of();
  }

  private static ExistingAccount existingAccount(
      KeycloakSession session, RealmModel realm, AuthenticationSessionModel authSession) {
    String note = authSession.getAuthNote(AbstractIdpAuthenticator.EXISTING_USER_INFO);
    if (note == null) {
      return null;
    }
    UserModel user =
        session.users().getUserById(realm, ExistingUserInfo.deserialize(note).getExistingUserId());
    return user == null ? null : new ExistingAccount(user.getEmail(), user.isEmailVerified());
  }

  @Override
  public void action(AuthenticationFlowContext context) {
    // A condition has no form to post to.
  }

  @Override
  public boolean requiresUser() {
    return false;
  }

  @Override
  public void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {
    // Sets no required actions.
  }

  @Override
  public void close() {
    // Stateless singleton.
  }
}

package io.kcuserdata.mappers.email;

import io.kcuserdata.mappers.broker.ClaimSources;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.keycloak.authentication.authenticators.broker.AbstractIdpAuthenticator;
import org.keycloak.authentication.authenticators.broker.util.ExistingUserInfo;
import org.keycloak.broker.provider.AbstractIdentityProvider;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.models.IdentityProviderMapperModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelDuplicateException;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.sessions.AuthenticationSessionModel;

/** Runs the verified-email policy against Keycloak's brokered context and user model. */
final class BrokeredEmailVerification {

  private static final Logger LOG = Logger.getLogger(EmailVerificationIdpMapper.class);

  private BrokeredEmailVerification() {}

  /** Before any flow: the provider's verdict, and who held the address so far. */
  static void preprocess(
      KeycloakSession session,
      RealmModel realm,
      IdentityProviderMapperModel mapper,
      BrokeredIdentityContext context) {
    String address = address(context);
    BrokeredEmailNotes.recordAddress(context, address, holderOf(session, realm, address));
    BrokeredEmailNotes.recordVerdict(context, verdict(config(mapper, context), context));
  }

  /** After the account exists (first login) or at a FORCE sync: sets the account's flag. */
  static void apply(
      KeycloakSession session,
      UserModel user,
      IdentityProviderMapperModel mapper,
      BrokeredIdentityContext context) {
    Optional<EmailVerificationConfig> config = config(mapper, context);
    BrokeredVerdict verdict = verdict(config, context);
    BrokeredEmailNotes.recordVerdict(context, verdict);

    String address = address(context);
    LocalEmail account =
        new LocalEmail(
            address != null && address.equalsIgnoreCase(user.getEmail()),
            address != null && heldBefore(user, context, address),
            user.isEmailVerified());
    boolean requireAction = config.map(EmailVerificationConfig::requireVerifyAction).orElse(false);
    LocalOutcome outcome = EmailVerificationDecision.local(verdict, account, requireAction);
    BrokeredEmailNotes.recordOutcome(context, outcome);

    Boolean verified = outcome.emailVerified();
    if (verified != null) {
      user.setEmailVerified(verified);
      // On a first login Keycloak's own provider sets the flag from Trust Email after the mappers
      // ran; this puts the policy's answer back just before the transaction commits.
      session
          .getTransactionManager()
          .enlistPrepare(new ReassertEmailVerified(user, address, verified));
    }
    if (outcome.addVerifyEmailAction()) {
      user.addRequiredAction(UserModel.RequiredAction.VERIFY_EMAIL);
    }
    LOG.debugf(
        "Identity provider '%s', user %s: provider verdict %s (%s), account %s (%s)",
        context.getIdpConfig().getAlias(),
        user.getId(),
        verdict.verified(),
        verdict.reason(),
        outcome.result().value(),
        outcome.reason());
  }

  static Optional<EmailVerificationConfig> config(
      IdentityProviderMapperModel mapper, BrokeredIdentityContext context) {
    try {
      return Optional.of(EmailVerificationConfig.parse(mapper.getConfig()));
    } catch (InvalidMapperConfigException e) {
      LOG.warnf(
          "Email-verification mapper '%s' of identity provider '%s' is misconfigured: %s. Until it"
              + " is fixed, no address from this provider counts as verified.",
          mapper.getName(), context.getIdpConfig().getAlias(), e.getMessage());
      return Optional.empty();
    }
  }

  private static BrokeredVerdict verdict(
      Optional<EmailVerificationConfig> config, BrokeredIdentityContext context) {
    if (config.isEmpty()) {
      return BrokeredVerdict.unverified(BrokeredVerdict.CONFIG_INVALID);
    }
    EmailVerificationPolicy policy = config.get().policy();
    String address = address(context);
    AssertedFlag claim =
        policy == EmailVerificationPolicy.CLAIM
            ? AssertedFlag.forAddress(
                address, config.get().claim().assertions(ClaimSources.of(context.getContextData())))
            : AssertedFlag.NOT_READ;
    return EmailVerificationDecision.verdict(
        policy, claim, address != null, replaced(context, address));
  }

  /** The address is no longer the one recorded when the provider's answer came in. */
  private static boolean replaced(BrokeredIdentityContext context, String address) {
    AuthenticationSessionModel authSession = context.getAuthenticationSession();
    if (authSession != null
        && Boolean.parseBoolean(
            authSession.getAuthNote(AbstractIdentityProvider.UPDATE_PROFILE_EMAIL_CHANGED))) {
      return true;
    }
    String recorded = BrokeredEmailNotes.address(context);
    return recorded != null && !recorded.equalsIgnoreCase(address);
  }

  private static boolean heldBefore(
      UserModel user, BrokeredIdentityContext context, String address) {
    if (!replaced(context, address)
        && user.getId().equals(BrokeredEmailNotes.addressHolder(context))) {
      return true;
    }
    // First-broker-login found this account as a duplicate of the brokered email: it had it.
    AuthenticationSessionModel authSession = context.getAuthenticationSession();
    String note =
        authSession == null
            ? null
            : authSession.getAuthNote(AbstractIdpAuthenticator.EXISTING_USER_INFO);
    if (note == null) {
      return false;
    }
    ExistingUserInfo existing = ExistingUserInfo.deserialize(note);
    return user.getId().equals(existing.getExistingUserId())
        && UserModel.EMAIL.equals(existing.getDuplicateAttributeName())
        && address.equalsIgnoreCase(existing.getDuplicateAttributeValue());
  }

  private static String holderOf(KeycloakSession session, RealmModel realm, String address) {
    if (address == null) {
      return null;
    }
    try {
      UserModel holder = session.users().getUserByEmail(realm, address);
      return holder == null ? null : holder.getId();
    } catch (ModelDuplicateException e) {
      // Realms allowing duplicate emails have no single holder: every account counts as new to it.
      return null;
    }
  }

  private static String address(BrokeredIdentityContext context) {
    String email = context.getEmail();
    return email == null || email.isBlank() ? null : email.trim();
  }
}

package io.kcuserdata.admin.delegation;

import io.kcuserdata.admin.http.ApiError;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import org.keycloak.authentication.actiontoken.execactions.ExecuteActionsActionToken;
import org.keycloak.authentication.actiontoken.verifyemail.VerifyEmailActionToken;
import org.keycloak.common.util.Time;
import org.keycloak.email.EmailException;
import org.keycloak.email.EmailTemplateProvider;
import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.resources.LoginActionsService;

/**
 * The two emails a delegated admin may send a member, made as Keycloak's admin API makes them (an
 * action token link, the realm's email templates, the lifespan realm admins set for admin-sent
 * links) and sent through the realm's SMTP settings.
 */
final class ActionEmails {

  private static final Logger LOG = Logger.getLogger(ActionEmails.class);

  private ActionEmails() {}

  static void verifyEmail(KeycloakSession session, RealmModel realm, UserModel user) {
    requireAddress(user);
    int lifespan = realm.getActionTokenGeneratedByAdminLifespan();
    VerifyEmailActionToken token =
        new VerifyEmailActionToken(
            user.getId(),
            Time.currentTime() + lifespan,
            null,
            user.getEmail(),
            Constants.ACCOUNT_MANAGEMENT_CLIENT_ID);
    try {
      session
          .getProvider(EmailTemplateProvider.class)
          .setRealm(realm)
          .setUser(user)
          .sendVerifyEmail(
              link(session, realm, token.serialize(session, realm, uri(session))),
              minutes(lifespan));
    } catch (EmailException e) {
      throw failed(realm, e);
    }
  }

  static void resetPassword(KeycloakSession session, RealmModel realm, UserModel user) {
    requireAddress(user);
    int lifespan = realm.getActionTokenGeneratedByAdminLifespan();
    List<String> actions = List.of(UserModel.RequiredAction.UPDATE_PASSWORD.name());
    ExecuteActionsActionToken token =
        new ExecuteActionsActionToken(
            user.getId(),
            user.getEmail(),
            Time.currentTime() + lifespan,
            actions,
            null,
            Constants.ACCOUNT_MANAGEMENT_CLIENT_ID);
    try {
      session
          .getProvider(EmailTemplateProvider.class)
          .setAttribute(Constants.TEMPLATE_ATTR_REQUIRED_ACTIONS, actions)
          .setRealm(realm)
          .setUser(user)
          .sendExecuteActions(
              link(session, realm, token.serialize(session, realm, uri(session))),
              minutes(lifespan));
    } catch (EmailException e) {
      throw failed(realm, e);
    }
  }

  private static void requireAddress(UserModel user) {
    if (user.getEmail() == null || user.getEmail().isBlank()) {
      throw ApiError.invalidRequest("the member has no email address");
    }
  }

  private static UriInfo uri(KeycloakSession session) {
    return session.getContext().getUri();
  }

  private static String link(KeycloakSession session, RealmModel realm, String key) {
    return LoginActionsService.actionTokenProcessor(uri(session))
        .queryParam("key", key)
        .build(realm.getName())
        .toString();
  }

  private static long minutes(int seconds) {
    return TimeUnit.SECONDS.toMinutes(seconds);
  }

  private static ApiError failed(RealmModel realm, EmailException e) {
    // The SMTP server's answer may name hosts and accounts: the log has it, the caller not.
    LOG.warnf(
        "delegated admin email in realm %s could not be sent: %s", realm.getName(), e.getMessage());
    return ApiError.unavailable(
        "the email could not be sent; the realm's email settings need a look");
  }
}

package io.kcuserdata.admin.access;

import com.fasterxml.jackson.databind.JsonNode;
import io.kcuserdata.core.namespace.Namespace;
import io.kcuserdata.core.spi.UserDataProvider;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.Locale;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.Authenticator;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.representations.idm.OAuth2ErrorRepresentation;
import org.keycloak.theme.Theme;

/**
 * Refuses a login when the client being signed in to is listed in the user's {@code
 * status.blocked_clients}. Works in the browser flow (an error page) and in the direct-grant flow
 * (an OAuth 2 error in JSON, as Keycloak's own direct-grant authenticators answer).
 */
public final class ClientAccessGuard implements Authenticator {

  /** Shown to the person and sent as {@code error_description}; literal, no theme key needed. */
  public static final String MESSAGE =
      "You cannot sign in to this application. Contact your administrator.";

  /**
   * The same message, translated, when the {@code themes} JAR (or the bundle) ships it: the page
   * then speaks the person's language in any login theme.
   */
  static final String MESSAGE_KEY = "userdataClientBlockedMessage";

  /** The event detail {@code reason}, so admins can tell this refusal from others. */
  public static final String REASON = "client blocked for user";

  /**
   * The flow path Keycloak gives the direct-grant flow (ResourceOwnerPasswordCredentialsGrantType);
   * the browser paths are {@code authenticate}, {@code first-broker-login}, … and want HTML.
   */
  static final String DIRECT_GRANT_FLOW_PATH = "token";

  /** 400, as ValidateUsername answers a disabled user in direct grant. */
  static final Response.Status DIRECT_GRANT_STATUS = Response.Status.BAD_REQUEST;

  @Override
  public void authenticate(AuthenticationFlowContext context) {
    UserModel user = context.getUser();
    String clientId = context.getAuthenticationSession().getClient().getClientId();
    if (!ClientBlockRule.blocks(status(context.getSession(), context.getRealm(), user), clientId)) {
      context.success();
      return;
    }
    context.getEvent().user(user).detail(Details.REASON, REASON).error(Errors.ACCESS_DENIED);
    // failure(), not forceChallenge(): the execution ends FAILED. It is not counted as a
    // brute-force failure because the factory's reference category is not a credential type.
    context.failure(AuthenticationFlowError.ACCESS_DENIED, refusal(context));
  }

  private static JsonNode status(KeycloakSession session, RealmModel realm, UserModel user) {
    return session.getProvider(UserDataProvider.class).read(realm, user).get(Namespace.STATUS);
  }

  private static Response refusal(AuthenticationFlowContext context) {
    if (DIRECT_GRANT_FLOW_PATH.equals(context.getFlowPath())) {
      return directGrantRefusal();
    }
    return context.form().setError(pageMessage(context)).createErrorPage(Response.Status.FORBIDDEN);
  }

  /** The theme's key when the login theme knows it, else the English text (never a bare key). */
  private static String pageMessage(AuthenticationFlowContext context) {
    KeycloakSession session = context.getSession();
    try {
      Theme theme = session.theme().getTheme(Theme.Type.LOGIN);
      Locale locale = session.getContext().resolveLocale(context.getUser());
      return theme.getMessages(locale).containsKey(MESSAGE_KEY) ? MESSAGE_KEY : MESSAGE;
    } catch (IOException | RuntimeException e) {
      return MESSAGE;
    }
  }

  /** The token endpoint returns this as is and adds the CORS headers. */
  private static Response directGrantRefusal() {
    return Response.status(DIRECT_GRANT_STATUS)
        .entity(directGrantError())
        .type(MediaType.APPLICATION_JSON_TYPE)
        .build();
  }

  /** {@code {"error":"access_denied","error_description":MESSAGE}}, an OAuth 2 error body. */
  static OAuth2ErrorRepresentation directGrantError() {
    return new OAuth2ErrorRepresentation(Errors.ACCESS_DENIED, MESSAGE);
  }

  @Override
  public void action(AuthenticationFlowContext context) {
    // The error page has no form to post back; anything reaching here is decided afresh.
    authenticate(context);
  }

  @Override
  public boolean requiresUser() {
    return true;
  }

  @Override
  public boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
    // Nothing to set up per user: a user without blocked clients simply passes.
    return true;
  }

  @Override
  public void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {}

  @Override
  public void close() {}
}

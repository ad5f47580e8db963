package io.kcuserdata.admin.suspension;

import java.util.stream.Collectors;
import org.keycloak.common.util.Time;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.managers.AuthenticationManager;
import org.keycloak.services.managers.UserSessionManager;

/**
 * Ends a user's sessions the way Keycloak's own admin endpoints do (user logout, consent
 * revocation), so clients with a back-channel logout URL hear of it and refresh tokens stop
 * working. The pack's touch point with Keycloak's session management.
 */
final class Sessions {

  private Sessions() {}

  /** Every session of the user, online and offline; tokens issued before now become invalid. */
  static void endAll(KeycloakSession session, RealmModel realm, UserModel user) {
    session.users().setNotBeforeForUser(realm, user, Time.currentTime());
    session
        .sessions()
        .getUserSessionsStream(realm, user)
        // Collected first: the logout removes sessions from the stream's source.
        .collect(Collectors.toList())
        .forEach(
            userSession ->
                AuthenticationManager.backchannelLogout(
                    session,
                    realm,
                    userSession,
                    session.getContext().getUri(),
                    session.getContext().getConnection(),
                    session.getContext().getRequestHeaders(),
                    true));
    session
        .sessions()
        .getOfflineUserSessionsStream(realm, user)
        .collect(Collectors.toList())
        .forEach(offline -> session.sessions().removeOfflineUserSession(realm, offline));
  }

  /** The user's sessions with one client, online and offline; other clients keep theirs. */
  static void endFor(
      KeycloakSession session, RealmModel realm, UserModel user, ClientModel client) {
    AuthenticationManager.backchannelLogoutUserFromClient(
        session,
        realm,
        user,
        client,
        session.getContext().getUri(),
        session.getContext().getRequestHeaders());
    new UserSessionManager(session).revokeOfflineToken(user, client);
  }
}

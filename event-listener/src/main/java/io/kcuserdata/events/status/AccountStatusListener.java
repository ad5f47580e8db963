package io.kcuserdata.events.status;

import io.kcuserdata.core.status.StatusKey;
import java.time.Instant;
import java.util.Map;
import org.jboss.logging.Logger;
import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventType;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.storage.ReadOnlyException;

/**
 * Keeps {@code status.last_login_at}, {@code status.last_login_ip} and {@code status.login_count}.
 *
 * <p>Keycloak hands success events to listeners before the login's transaction commits, so the
 * writes here commit or roll back with the login itself; error events never reach the tally.
 */
public final class AccountStatusListener implements EventListenerProvider {

  private static final Logger LOG = Logger.getLogger(AccountStatusListener.class);

  private final KeycloakSession session;

  AccountStatusListener(KeycloakSession session) {
    this.session = session;
  }

  @Override
  public void onEvent(Event event) {
    if (event.getType() != EventType.LOGIN || event.getUserId() == null) {
      return;
    }
    RealmModel realm = session.realms().getRealm(event.getRealmId());
    UserModel user = realm == null ? null : session.users().getUserById(realm, event.getUserId());
    if (user == null) {
      return;
    }
    Map<String, String> updates =
        LoginTally.afterLogin(
            user.getFirstAttribute(StatusKey.LOGIN_COUNT.attribute()),
            Instant.ofEpochMilli(event.getTime()),
            event.getIpAddress());
    try {
      updates.forEach(
          (name, value) -> {
            if (value == null) {
              user.removeAttribute(name);
            } else {
              user.setSingleAttribute(name, value);
            }
          });
    } catch (ReadOnlyException e) {
      // A read-only user store (LDAP, say) must not turn a good login into a failed one.
      LOG.debugf(
          "status not recorded for read-only user %s in realm %s", user.getId(), realm.getName());
    }
  }

  @Override
  public void onEvent(AdminEvent event, boolean includeRepresentation) {
    // Admin actions are not logins.
  }

  @Override
  public void close() {}
}

package io.kcuserdata.events.status;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kcuserdata.core.json.Json;
import io.kcuserdata.core.namespace.Namespace;
import io.kcuserdata.core.spi.UserModelAttributes;
import io.kcuserdata.core.storage.NamespaceStore;
import io.kcuserdata.core.storage.UserAttributes;
import java.time.Instant;
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
    UserAttributes attributes = new UserModelAttributes(user);
    ObjectNode status =
        NamespaceStore.readAll(attributes).getOrDefault(Namespace.STATUS, Json.object());
    try {
      NamespaceStore.write(
          attributes,
          Namespace.STATUS,
          LoginTally.afterLogin(
              status, Instant.ofEpochMilli(event.getTime()), event.getIpAddress()));
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

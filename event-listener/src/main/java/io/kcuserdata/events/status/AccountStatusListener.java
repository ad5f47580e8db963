package io.kcuserdata.events.status;

import io.kcuserdata.events.status.fold.LoginFolder;
import io.kcuserdata.events.status.store.LoginRecordEntity;
import java.util.UUID;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventType;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.models.KeycloakSession;

/**
 * Keeps {@code status.last_login_at}, {@code status.last_login_ip} and {@code status.login_count}.
 *
 * <p>Keycloak hands success events to listeners before the login's transaction commits, so the row
 * recorded here commits or rolls back with the login itself; error events never reach the tally.
 * The row is counted into the user's {@code status} by the {@link LoginFolder} right after the
 * commit, off the login's thread.
 */
public final class AccountStatusListener implements EventListenerProvider {

  private final KeycloakSession session;
  private final LoginFolder folder;

  AccountStatusListener(KeycloakSession session, LoginFolder folder) {
    this.session = session;
    this.folder = folder;
  }

  @Override
  public void onEvent(Event event) {
    if (event.getType() != EventType.LOGIN
        || event.getUserId() == null
        || event.getRealmId() == null) {
      return;
    }
    LoginRecordEntity row = new LoginRecordEntity();
    row.setId(UUID.randomUUID().toString());
    row.setRealmId(event.getRealmId());
    row.setUserId(event.getUserId());
    row.setLoginAt(event.getTime());
    String ip = event.getIpAddress();
    row.setIp(ip == null || ip.length() > LoginRecordEntity.IP_LENGTH ? null : ip);
    session.getProvider(JpaConnectionProvider.class).getEntityManager().persist(row);
    folder.wakeAfterCommit(session);
  }

  @Override
  public void onEvent(AdminEvent event, boolean includeRepresentation) {
    // Admin actions are not logins.
  }

  @Override
  public void close() {}
}

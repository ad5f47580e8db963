package io.kcuserdata.events.status;

import io.kcuserdata.events.status.fold.LoginFolder;
import org.keycloak.Config;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventListenerProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/** Registers {@code userdata-account-status}; realm admins enable it in the realm's events. */
public final class AccountStatusListenerFactory implements EventListenerProviderFactory {

  public static final String ID = "userdata-account-status";

  /** Rows left by a node that stopped are counted within this long even with no new login. */
  private static final long POLL_MILLIS = 5_000;

  /** Logins of the next moment join the fold a commit woke, so one transaction counts many. */
  private static final long WINDOW_MILLIS = 50;

  private LoginFolder folder;

  @Override
  public EventListenerProvider create(KeycloakSession session) {
    return new AccountStatusListener(session, folder);
  }

  @Override
  public void init(Config.Scope config) {}

  @Override
  public void postInit(KeycloakSessionFactory factory) {
    folder = new LoginFolder(factory, POLL_MILLIS, WINDOW_MILLIS);
    folder.start();
  }

  @Override
  public void close() {
    if (folder != null) {
      folder.close();
    }
  }

  @Override
  public String getId() {
    return ID;
  }
}

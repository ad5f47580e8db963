package io.kcuserdata.events.status;

import org.keycloak.Config;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventListenerProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/** Registers {@code userdata-account-status}; realm admins enable it in the realm's events. */
public final class AccountStatusListenerFactory implements EventListenerProviderFactory {

  public static final String ID = "userdata-account-status";

  @Override
  public EventListenerProvider create(KeycloakSession session) {
    return new AccountStatusListener(session);
  }

  @Override
  public void init(Config.Scope config) {}

  @Override
  public void postInit(KeycloakSessionFactory factory) {}

  @Override
  public void close() {}

  @Override
  public String getId() {
    return ID;
  }
}

package io.kcuserdata.mappers.report;

import org.keycloak.Config;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventListenerProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/**
 * {@code userdata-idp-import-report}: a global listener, so the report needs no realm setting; it
 * acts only on brokered {@code LOGIN} events whose mappers skipped something.
 */
public final class SkippedImportsListenerFactory implements EventListenerProviderFactory {

  public static final String PROVIDER_ID = "userdata-idp-import-report";

  @Override
  public EventListenerProvider create(KeycloakSession session) {
    return new SkippedImportsListener(session);
  }

  @Override
  public boolean isGlobal() {
    return true;
  }

  @Override
  public void init(Config.Scope config) {}

  @Override
  public void postInit(KeycloakSessionFactory factory) {}

  @Override
  public void close() {}

  @Override
  public String getId() {
    return PROVIDER_ID;
  }
}

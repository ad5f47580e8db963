package io.kcuserdata.events.status.store;

import java.util.List;
import org.keycloak.Config;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProvider;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/** Adds the table of logins waiting to be counted to Keycloak's database. */
public final class StatusEntities implements JpaEntityProviderFactory, JpaEntityProvider {

  public static final String ID = "userdata-account-status";

  @Override
  public List<Class<?>> getEntities() {
    return List.of(LoginRecordEntity.class);
  }

  @Override
  public String getChangelogLocation() {
    return "META-INF/userdata-account-status-changelog.xml";
  }

  @Override
  public String getFactoryId() {
    return ID;
  }

  @Override
  public JpaEntityProvider create(KeycloakSession session) {
    return this;
  }

  @Override
  public void init(Config.Scope config) {}

  @Override
  public void postInit(KeycloakSessionFactory factory) {}

  @Override
  public String getId() {
    return ID;
  }

  @Override
  public void close() {}
}

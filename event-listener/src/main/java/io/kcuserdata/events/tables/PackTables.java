package io.kcuserdata.events.tables;

import java.util.List;
import org.keycloak.Config;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProvider;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/**
 * Tables of the pack's own in Keycloak's database: the same database and transactions as users,
 * created and upgraded by Keycloak's Liquibase updater from the given changelog.
 */
public abstract class PackTables implements JpaEntityProviderFactory, JpaEntityProvider {

  private final String id;
  private final String changelog;
  private final List<Class<?>> entities;

  protected PackTables(String id, String changelog, List<Class<?>> entities) {
    this.id = id;
    this.changelog = changelog;
    this.entities = List.copyOf(entities);
  }

  @Override
  public List<Class<?>> getEntities() {
    return entities;
  }

  @Override
  public String getChangelogLocation() {
    return changelog;
  }

  @Override
  public String getFactoryId() {
    return id;
  }

  @Override
  public String getId() {
    return id;
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
  public void close() {}
}

package io.kcuserdata.events.webhooks.store;

import java.util.List;
import org.keycloak.Config;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProvider;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/**
 * Adds the webhook tables to Keycloak's database (the same database and transactions as users,
 * which is what makes the outbox transactional), created by Keycloak's Liquibase updater.
 */
public final class WebhookEntities implements JpaEntityProviderFactory, JpaEntityProvider {

  public static final String ID = "userdata-webhooks";

  @Override
  public List<Class<?>> getEntities() {
    return List.of(EndpointEntity.class, MessageEntity.class, AttemptEntity.class);
  }

  @Override
  public String getChangelogLocation() {
    return "META-INF/userdata-webhooks-changelog.xml";
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

package io.kcuserdata.events.webhooks.listener;

import io.kcuserdata.core.net.OutboundUse;
import io.kcuserdata.core.spi.UserDataProvider;
import io.kcuserdata.events.webhooks.Webhooks;
import io.kcuserdata.events.webhooks.dispatch.DispatchSettings;
import io.kcuserdata.events.webhooks.dispatch.Dispatcher;
import io.kcuserdata.events.webhooks.dispatch.HttpSender;
import io.kcuserdata.events.webhooks.endpoint.SecretCipher;
import io.kcuserdata.events.webhooks.metrics.WebhookMetrics;
import io.micrometer.core.instrument.Metrics;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventListenerProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.models.utils.PostMigrationEvent;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ServerInfoAwareProviderFactory;

/**
 * Reads the webhook options, and starts the dispatcher once Keycloak's database is migrated. Enable
 * the listener per realm in Realm settings → Events → Event listeners.
 */
public final class WebhookListenerFactory
    implements EventListenerProviderFactory,
        ServerInfoAwareProviderFactory,
        Webhooks.WebhooksHolder {

  private static final Logger LOG = Logger.getLogger(WebhookListenerFactory.class);

  private WebhookOptions options;
  private Webhooks webhooks;
  private Dispatcher dispatcher;

  @Override
  public EventListenerProvider create(KeycloakSession session) {
    return new WebhookListener(session, webhooks);
  }

  @Override
  public void init(Config.Scope config) {
    options = WebhookOptions.read(config);
    SecretCipher cipher = SecretCipher.withKey(options.secretKey());
    if (!cipher.encrypts()) {
      LOG.warn(
          "Webhook secrets are stored unencrypted: set --spi-events-listener--userdata-webhooks"
              + "--secret-key to 32 random bytes in base64 (openssl rand -base64 32) to seal them.");
    }
    webhooks = new Webhooks(cipher, options.rotationOverlap());
  }

  @Override
  public void postInit(KeycloakSessionFactory factory) {
    factory.register(
        event -> {
          if (event instanceof PostMigrationEvent) {
            start(factory);
          } else if (event instanceof RealmModel.RealmRemovedEvent removed) {
            webhooks
                .endpoints(removed.getKeycloakSession())
                .deleteRealm(removed.getRealm().getId());
            webhooks.changed(removed.getRealm().getId());
          }
        });
  }

  private synchronized void start(KeycloakSessionFactory factory) {
    if (dispatcher != null) {
      return;
    }
    HttpSender sender =
        KeycloakModelUtils.runJobInTransactionWithResult(
            factory,
            session ->
                new HttpSender(
                    session.getProvider(UserDataProvider.class).outboundGuard(OutboundUse.WEBHOOKS),
                    options.timeout(),
                    options.workers() * 2));
    dispatcher =
        new Dispatcher(
            factory,
            new DispatchSettings(
                options.workers(),
                options.pollInterval(),
                options.batchWindow(),
                options.lease(),
                options.timeout(),
                options.schedule(),
                options.keepDelivered(),
                options.keepFailed()),
            sender,
            webhooks.cipher(),
            new WebhookMetrics(Metrics.globalRegistry),
            endpointId -> webhooks.changedAll());
    webhooks.dispatcher(dispatcher);
    dispatcher.start();
  }

  @Override
  public Webhooks webhooks() {
    return webhooks;
  }

  @Override
  public synchronized void close() {
    if (dispatcher != null) {
      dispatcher.close();
    }
  }

  @Override
  public String getId() {
    return Webhooks.LISTENER_ID;
  }

  @Override
  public Map<String, String> getOperationalInfo() {
    return options.describe();
  }

  @Override
  public List<ProviderConfigProperty> getConfigMetadata() {
    return WebhookOptions.metadata();
  }
}

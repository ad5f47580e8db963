package io.kcuserdata.events.webhooks.listener;

import io.kcuserdata.core.net.OutboundUse;
import io.kcuserdata.core.secrets.SealContext;
import io.kcuserdata.core.secrets.SealingKey;
import io.kcuserdata.core.secrets.SecretCipher;
import io.kcuserdata.core.spi.UserDataProvider;
import io.kcuserdata.events.webhooks.Webhooks;
import io.kcuserdata.events.webhooks.dispatch.DispatchSettings;
import io.kcuserdata.events.webhooks.dispatch.Dispatcher;
import io.kcuserdata.events.webhooks.dispatch.HttpSender;
import io.kcuserdata.events.webhooks.metrics.WebhookMetrics;
import io.micrometer.core.instrument.Metrics;
import java.util.LinkedHashMap;
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

  /** What sealed webhook secrets are, authenticated with them. */
  static final SealContext SECRETS = SealContext.of("userdata-webhooks endpoint secret");

  private WebhookOptions options;
  private SealingKey ownKey;
  private volatile Webhooks webhooks;
  private Dispatcher dispatcher;

  @Override
  public EventListenerProvider create(KeycloakSession session) {
    return new WebhookListener(session, webhooks);
  }

  @Override
  public void init(Config.Scope config) {
    options = WebhookOptions.read(config);
    ownKey =
        options.secretKey() == null || options.secretKey().isBlank()
            ? null
            : SealingKey.operator(
                options.secretKey(), "--spi-events-listener--userdata-webhooks--secret-key");
  }

  @Override
  public void postInit(KeycloakSessionFactory factory) {
    SealingKey packKey =
        KeycloakModelUtils.runJobInTransactionWithResult(
                factory, session -> session.getProvider(UserDataProvider.class).operatorKey())
            .orElse(null);
    webhooks = new Webhooks(cipher(packKey, ownKey), options.rotationOverlap());
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

  /**
   * New secrets are sealed under the pack's key when the operator set one, else under this
   * listener's own (older) option; both keep opening what they sealed.
   */
  static SecretCipher cipher(SealingKey packKey, SealingKey ownKey) {
    SecretCipher cipher =
        SecretCipher.of(
            "a webhook secret",
            SECRETS,
            packKey != null ? packKey : ownKey,
            ownKey == null ? List.of() : List.of(ownKey));
    if (!cipher.encrypts()) {
      LOG.warn(
          "Webhook secrets are stored unencrypted: set --spi-userdata--default--secret-key to 32"
              + " random bytes in base64 (openssl rand -base64 32) to seal them.");
    }
    return cipher;
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
    Map<String, String> info = new LinkedHashMap<>(options.describe());
    Webhooks current = webhooks;
    if (current != null) {
      info.put(
          "secrets-sealed-under",
          current.cipher().keyId().map(kid -> "key id " + kid).orElse("(nothing: unencrypted)"));
    }
    return info;
  }

  @Override
  public List<ProviderConfigProperty> getConfigMetadata() {
    return WebhookOptions.metadata();
  }
}

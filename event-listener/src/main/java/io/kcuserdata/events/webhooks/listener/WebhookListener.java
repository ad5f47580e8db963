package io.kcuserdata.events.webhooks.listener;

import io.kcuserdata.events.webhooks.Webhooks;
import io.kcuserdata.events.webhooks.catalog.EventCatalog;
import io.kcuserdata.events.webhooks.catalog.PayloadData;
import io.kcuserdata.events.webhooks.catalog.PayloadWriter;
import io.kcuserdata.events.webhooks.catalog.WebhookEventType;
import io.kcuserdata.events.webhooks.endpoint.Endpoint;
import io.kcuserdata.events.webhooks.outbox.Outbox;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.BiFunction;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * {@code userdata-webhooks}: turns the realm's events into outbox rows, one per subscribed
 * endpoint, in the transaction of the change (Keycloak hands error events over in a transaction of
 * their own). Nothing is sent from here.
 */
final class WebhookListener implements EventListenerProvider {

  private final KeycloakSession session;
  private final Webhooks webhooks;

  WebhookListener(KeycloakSession session, Webhooks webhooks) {
    this.session = session;
    this.webhooks = webhooks;
  }

  @Override
  public void onEvent(Event event) {
    List<WebhookEventType> types = EventCatalog.forUserEvent(event.getType(), event.getDetails());
    if (types.isEmpty() || event.getRealmId() == null) {
      return;
    }
    RealmModel realm = session.realms().getRealm(event.getRealmId());
    queue(realm, types, (payloads, type) -> payloads.forUserEvent(type, event, realm));
  }

  @Override
  public void onEvent(AdminEvent event, boolean includeRepresentation) {
    List<WebhookEventType> types =
        EventCatalog.forAdminEvent(
            event.getResourceTypeAsString(),
            event.getOperationType(),
            event.getResourcePath(),
            event.getDetails());
    if (types.isEmpty() || event.getRealmId() == null) {
      return;
    }
    RealmModel realm = session.realms().getRealm(event.getRealmId());
    queue(realm, types, (payloads, type) -> payloads.forAdminEvent(type, event, realm));
  }

  private void queue(
      RealmModel realm,
      List<WebhookEventType> types,
      BiFunction<PayloadFactory, WebhookEventType, PayloadData> build) {
    if (realm == null) {
      return;
    }
    List<Endpoint> endpoints = webhooks.subscribed(session, realm.getId());
    if (endpoints.isEmpty()) {
      return;
    }
    PayloadFactory payloads =
        new PayloadFactory(session, endpoints.stream().anyMatch(Endpoint::includeAppMetadata));
    Outbox outbox = null;
    for (WebhookEventType type : types) {
      PayloadData data = null;
      String plain = null;
      String withAppMetadata = null;
      for (Endpoint endpoint : endpoints) {
        if (!endpoint.events().matches(type)) {
          continue;
        }
        if (data == null) {
          data = build.apply(payloads, type);
          if (data.user() == null && type != WebhookEventType.PING) {
            // A failed login for a name nobody has: no user to report (and no enumeration aid).
            break;
          }
          outbox =
              outbox != null
                  ? outbox
                  : new Outbox(session.getProvider(JpaConnectionProvider.class).getEntityManager());
        }
        String payload;
        if (endpoint.includeAppMetadata()) {
          withAppMetadata = withAppMetadata != null ? withAppMetadata : text(data, true);
          payload = withAppMetadata;
        } else {
          plain = plain != null ? plain : text(data, false);
          payload = plain;
        }
        outbox.enqueue(realm.getId(), endpoint.id(), type.wireName(), payload);
      }
    }
    if (outbox != null) {
      webhooks.wakeAfterCommit(session);
    }
  }

  private static String text(PayloadData data, boolean includeAppMetadata) {
    return new String(PayloadWriter.write(data, includeAppMetadata), StandardCharsets.UTF_8);
  }

  @Override
  public void close() {}
}

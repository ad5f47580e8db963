package io.kcuserdata.admin.webhooks;

import io.kcuserdata.events.webhooks.Webhooks;
import io.kcuserdata.events.webhooks.catalog.Actor;
import io.kcuserdata.events.webhooks.catalog.PayloadData;
import io.kcuserdata.events.webhooks.catalog.PayloadWriter;
import io.kcuserdata.events.webhooks.catalog.WebhookEventType;
import io.kcuserdata.events.webhooks.endpoint.Endpoint;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/** A {@code ping} for one endpoint, queued like any message, so it tests the whole path. */
final class Pings {

  private Pings() {}

  static String queue(
      KeycloakSession session, RealmModel realm, Endpoint endpoint, Webhooks webhooks) {
    PayloadData ping =
        new PayloadData(
            WebhookEventType.PING,
            Instant.now(),
            realm.getId(),
            realm.getName(),
            null,
            Actor.system(),
            null,
            null,
            Map.of("webhook_id", endpoint.id()),
            null);
    String payload = new String(PayloadWriter.write(ping, false), StandardCharsets.UTF_8);
    return webhooks.enqueue(
        session, realm.getId(), endpoint.id(), WebhookEventType.PING.wireName(), payload);
  }
}

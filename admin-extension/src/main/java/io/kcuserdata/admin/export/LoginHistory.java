package io.kcuserdata.admin.export;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.kcuserdata.core.json.Json;
import java.time.Instant;
import org.keycloak.events.EventStoreProvider;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/** The user's recent logins and failed logins, where the realm stores events. */
final class LoginHistory {

  static final int MAX_EVENTS = 100;

  private LoginHistory() {}

  /** Newest first; empty when the realm does not store events. */
  static ArrayNode of(KeycloakSession session, RealmModel realm, UserModel user) {
    ArrayNode events = Json.NODES.arrayNode();
    EventStoreProvider store = session.getProvider(EventStoreProvider.class);
    if (!realm.isEventsEnabled() || store == null) {
      return events;
    }
    store
        .createQuery()
        .realm(realm.getId())
        .user(user.getId())
        .type(EventType.LOGIN, EventType.LOGIN_ERROR)
        .maxResults(MAX_EVENTS)
        .getResultStream()
        .forEach(
            event ->
                events
                    .addObject()
                    .put("type", event.getType().name())
                    .put("time", Instant.ofEpochMilli(event.getTime()).toString())
                    .put("client_id", event.getClientId())
                    .put("ip", event.getIpAddress()));
    return events;
  }
}

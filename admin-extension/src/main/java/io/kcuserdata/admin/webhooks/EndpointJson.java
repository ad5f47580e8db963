package io.kcuserdata.admin.webhooks;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kcuserdata.events.webhooks.endpoint.Endpoint;
import io.kcuserdata.events.webhooks.outbox.DeliveryLog;
import io.kcuserdata.events.webhooks.store.AttemptEntity;
import io.kcuserdata.events.webhooks.store.MessageEntity;
import java.time.Instant;
import java.util.Locale;

/** The admin API's JSON for endpoints and deliveries; a secret only where it is just made. */
final class EndpointJson {

  private EndpointJson() {}

  static ObjectNode endpoint(Endpoint endpoint) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("id", endpoint.id());
    node.put("url", endpoint.url().toString());
    ArrayNode events = node.putArray("events");
    endpoint.events().patterns().forEach(events::add);
    node.put("enabled", endpoint.enabled());
    node.put("description", endpoint.description());
    node.put("includeAppMetadata", endpoint.includeAppMetadata());
    if (endpoint.disabledReason() != null) {
      node.put("disabledReason", endpoint.disabledReason());
    }
    node.put("createdAt", Instant.ofEpochMilli(endpoint.createdAt()).toString());
    return node;
  }

  /**
   * @param responses whether the caller may read what the receiver answered: a receiver may echo
   *     the payload, so callers who may not view users see {@code "responseWithheld": true} instead
   */
  static ObjectNode delivery(DeliveryLog.Delivery delivery, boolean responses) {
    MessageEntity m = delivery.message();
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("id", m.getId());
    node.put("eventType", m.getEventType());
    node.put("status", m.getStatus().toLowerCase(Locale.ROOT));
    node.put("createdAt", Instant.ofEpochMilli(m.getCreatedAt()).toString());
    node.put("attempts", m.getAttempts());
    if (MessageEntity.PENDING.equals(m.getStatus())) {
      node.put("nextAttemptAt", Instant.ofEpochMilli(m.getNextAttemptAt()).toString());
    }
    if (m.getFinishedAt() != null) {
      node.put("finishedAt", Instant.ofEpochMilli(m.getFinishedAt()).toString());
    }
    ArrayNode attempts = node.putArray("attemptLog");
    for (AttemptEntity a : delivery.attempts()) {
      ObjectNode attempt = attempts.addObject();
      attempt.put("attempt", a.getAttemptNo());
      attempt.put("at", Instant.ofEpochMilli(a.getAttemptedAt()).toString());
      if (a.getStatusCode() != null) {
        attempt.put("status", a.getStatusCode());
      }
      attempt.put("latencyMs", a.getLatencyMs());
      if (a.getResponseExcerpt() != null) {
        if (responses) {
          attempt.put("response", a.getResponseExcerpt());
        } else {
          attempt.put("responseWithheld", true);
        }
      }
      if (a.getError() != null) {
        attempt.put("error", a.getError());
      }
    }
    return node;
  }
}

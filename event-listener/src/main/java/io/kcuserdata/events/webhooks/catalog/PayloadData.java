package io.kcuserdata.events.webhooks.catalog;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Everything one webhook payload says, before {@link PayloadWriter} turns it into bytes. Only
 * {@code type} and {@code timestamp} are mandatory; absent members are left out of the JSON.
 *
 * @param details free-form, string or JSON-able values; credential-ish keys are dropped on writing
 * @param organization {@code {"id","alias","name"}} for organization events
 */
public record PayloadData(
    WebhookEventType type,
    Instant timestamp,
    String realmId,
    String realmName,
    UserSummary user,
    Actor actor,
    String clientId,
    String ip,
    Map<String, Object> details,
    ObjectNode organization) {

  public PayloadData {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(timestamp, "timestamp");
    // A copy, so a caller reusing its map cannot change a payload already queued; null values are
    // allowed (and dropped on writing), which Map.copyOf would refuse.
    details =
        details == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(details));
  }
}

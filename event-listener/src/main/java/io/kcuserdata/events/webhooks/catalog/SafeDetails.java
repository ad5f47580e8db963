package io.kcuserdata.events.webhooks.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kcuserdata.core.json.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns event details into the payload's {@code "details"} object.
 *
 * <p>The rule: a key whose lower-cased name contains {@code password}, {@code secret}, {@code
 * token}, {@code credential_value} or {@code code} is dropped, at any depth, except {@code
 * credential_type}, which only names the kind of credential. Webhooks leave the realm for systems
 * the realm does not control, so anything that might be a credential, a one-time code or a token
 * (Keycloak's own details include {@code code_id}, {@code token_id}, {@code refresh_token_id})
 * stays behind, even at the cost of some harmless keys. Keys are written sorted so the same details
 * give the same bytes.
 */
final class SafeDetails {

  private static final List<String> MARKERS =
      List.of("password", "secret", "token", "credential_value", "code");

  private static final String ALWAYS_KEPT = "credential_type";

  private SafeDetails() {}

  static boolean isCredentialish(String key) {
    String lower = key.toLowerCase(Locale.ROOT);
    if (ALWAYS_KEPT.equals(lower)) {
      return false;
    }
    return MARKERS.stream().anyMatch(lower::contains);
  }

  static ObjectNode of(Map<String, Object> details) {
    ObjectNode out = Json.object();
    new TreeMap<>(details)
        .forEach(
            (key, value) -> {
              if (key != null && value != null && !isCredentialish(key)) {
                out.set(key, scrub(toNode(value)));
              }
            });
    return out;
  }

  private static JsonNode toNode(Object value) {
    if (value instanceof JsonNode) {
      return ((JsonNode) value).deepCopy();
    }
    if (value instanceof Instant) {
      return Json.NODES.textNode(Rfc3339.format((Instant) value));
    }
    try {
      return Json.MAPPER.valueToTree(value);
    } catch (IllegalArgumentException notJsonable) {
      // A detail Jackson cannot map must not cost the whole event; its text still informs.
      return Json.NODES.textNode(String.valueOf(value));
    }
  }

  /** Drops credential-ish keys inside nested objects too; arrays are walked, values kept. */
  private static JsonNode scrub(JsonNode node) {
    if (node.isObject()) {
      ObjectNode object = (ObjectNode) node;
      List<String> dropped = new ArrayList<>();
      object
          .fieldNames()
          .forEachRemaining(
              key -> {
                if (isCredentialish(key)) {
                  dropped.add(key);
                }
              });
      object.remove(dropped);
      object.forEach(SafeDetails::scrub);
    } else if (node.isArray()) {
      node.forEach(SafeDetails::scrub);
    }
    return node;
  }
}

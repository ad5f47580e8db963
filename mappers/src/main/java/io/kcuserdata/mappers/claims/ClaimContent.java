package io.kcuserdata.mappers.claims;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kcuserdata.core.json.JsonValues;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What one mapper puts in its claim: the chosen keys of one namespace, as plain Java values. */
final class ClaimContent {

  private ClaimContent() {}

  /**
   * @param namespace the namespace as stored, or {@code null} when the user has none
   * @param keys the keys to include in this order, empty for all (in stored order)
   * @return the claim's object, or empty when nothing is selected: then the mapper adds no claim,
   *     rather than an empty object a client would have to tell apart from data
   */
  static Optional<Map<String, Object>> select(ObjectNode namespace, List<String> keys) {
    if (namespace == null) {
      return Optional.empty();
    }
    Map<String, Object> claim = new LinkedHashMap<>();
    if (keys.isEmpty()) {
      namespace.properties().forEach(member -> put(claim, member.getKey(), member.getValue()));
    } else {
      keys.forEach(key -> put(claim, key, namespace.get(key)));
    }
    return claim.isEmpty() ? Optional.empty() : Optional.of(claim);
  }

  private static void put(Map<String, Object> claim, String key, JsonNode value) {
    if (value != null && !value.isNull()) {
      claim.put(key, JsonValues.toJava(value));
    }
  }
}

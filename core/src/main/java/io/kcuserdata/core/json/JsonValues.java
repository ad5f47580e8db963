package io.kcuserdata.core.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON trees as plain Java values, the form Keycloak's other mappers put in tokens: a later mapper
 * or a token customizer that walks the claims then finds {@code Map}s and {@code List}s, never
 * Jackson nodes.
 */
public final class JsonValues {

  private JsonValues() {}

  /**
   * A {@code Map} (members in order), {@code List}, {@code String}, {@code Number} (the number's
   * own type: {@code Integer}, {@code Long}, {@code BigInteger}, {@code Double} or {@code
   * BigDecimal}), {@code Boolean}, or {@code null}.
   */
  public static Object toJava(JsonNode node) {
    if (node == null) {
      return null;
    }
    return switch (node.getNodeType()) {
      case OBJECT -> {
        Map<String, Object> object = new LinkedHashMap<>();
        node.properties().forEach(member -> object.put(member.getKey(), toJava(member.getValue())));
        yield object;
      }
      case ARRAY -> {
        List<Object> array = new ArrayList<>(node.size());
        node.forEach(element -> array.add(toJava(element)));
        yield array;
      }
      case STRING -> node.textValue();
      case NUMBER -> node.numberValue();
      case BOOLEAN -> node.booleanValue();
      case NULL, MISSING -> null;
      // Not produced by parsing JSON text; kept as their JSON text form to stay serializable.
      case BINARY, POJO -> node.asText();
    };
  }
}

package io.kcuserdata.admin.migration.sources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Field copying for the converters: only values of the expected type are carried over. */
final class Lines {

  private Lines() {}

  static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value != null && value.isTextual() && !value.textValue().isEmpty()
        ? value.textValue()
        : null;
  }

  static void copyText(JsonNode from, String field, ObjectNode to, String as) {
    String value = text(from, field);
    if (value != null) {
      to.put(as, value);
    }
  }

  static void copyBoolean(JsonNode from, String field, ObjectNode to, String as) {
    JsonNode value = from.get(field);
    if (value != null && value.isBoolean()) {
      to.put(as, value.booleanValue());
    }
  }

  static void copyObject(JsonNode from, String field, ObjectNode to, String as) {
    JsonNode value = from.get(field);
    if (value != null && value.isObject() && !value.isEmpty()) {
      to.set(as, value.deepCopy());
    }
  }

  static void putIfNotEmpty(ObjectNode to, String field, ObjectNode value) {
    if (!value.isEmpty()) {
      to.set(field, value);
    }
  }
}

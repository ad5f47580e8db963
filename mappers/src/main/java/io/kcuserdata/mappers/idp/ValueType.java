package io.kcuserdata.mappers.idp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.kcuserdata.core.json.Json;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** {@code value.type}: how a claim's value becomes the stored value. */
public enum ValueType {
  /** JSON types as the provider sent them; objects and arrays stay JSON. */
  AUTO("auto"),
  /** Text; objects and arrays become their compact JSON text, never {@code Map.toString}. */
  STRING("string"),
  BOOLEAN("boolean"),
  NUMBER("number"),
  /**
   * A JSON value; text that holds JSON (some providers send nested claims as strings) is parsed.
   */
  JSON("json"),
  /** An array of strings; a single value becomes a one-element array. */
  STRING_ARRAY("string-array");

  private final String configValue;

  ValueType(String configValue) {
    this.configValue = configValue;
  }

  public String configValue() {
    return configValue;
  }

  public static Optional<ValueType> of(String configValue) {
    String wanted = configValue == null || configValue.isBlank() ? "auto" : configValue.trim();
    return Arrays.stream(values()).filter(t -> t.configValue.equals(wanted)).findFirst();
  }

  /** The value to store, or empty when the claim cannot be read as this type. */
  public Optional<JsonNode> coerce(JsonNode value) {
    return switch (this) {
      case AUTO -> Optional.of(value);
      case STRING -> Optional.of(Json.NODES.textNode(text(value)));
      case BOOLEAN -> bool(value);
      case NUMBER -> number(value);
      case JSON -> Optional.of(json(value));
      case STRING_ARRAY -> Optional.of(stringArray(value));
    };
  }

  private static String text(JsonNode value) {
    return value.isValueNode() ? value.asText() : Json.compact(value);
  }

  private static Optional<JsonNode> bool(JsonNode value) {
    if (value.isBoolean()) {
      return Optional.of(value);
    }
    String text = value.isValueNode() ? value.asText().trim().toLowerCase(Locale.ROOT) : "";
    return switch (text) {
      case "true", "1", "yes" -> Optional.of(Json.NODES.booleanNode(true));
      case "false", "0", "no" -> Optional.of(Json.NODES.booleanNode(false));
      default -> Optional.empty();
    };
  }

  private static Optional<JsonNode> number(JsonNode value) {
    if (value.isNumber()) {
      return Optional.of(value);
    }
    if (!value.isTextual()) {
      return Optional.empty();
    }
    try {
      // Read back as JSON text, the number gets the node type Jackson gives any parsed number.
      return Optional.ofNullable(
          Json.parseOrNull(new BigDecimal(value.asText().trim()).toPlainString()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static JsonNode json(JsonNode value) {
    if (value.isTextual()) {
      JsonNode parsed = Json.parseOrNull(value.asText());
      if (parsed != null) {
        return parsed;
      }
    }
    return value;
  }

  private static JsonNode stringArray(JsonNode value) {
    ArrayNode array = Json.NODES.arrayNode();
    if (value.isArray()) {
      value.forEach(element -> array.add(text(element)));
    } else {
      array.add(text(value));
    }
    return array;
  }
}

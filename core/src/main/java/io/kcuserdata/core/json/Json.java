package io.kcuserdata.core.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;

/** The pack's one JSON mapper (Keycloak's Jackson), and the compact form limits are measured in. */
public final class Json {

  public static final ObjectMapper MAPPER = new ObjectMapper();
  public static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private static final ObjectReader WHOLE_VALUE =
      MAPPER.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private Json() {}

  public static ObjectNode object() {
    return NODES.objectNode();
  }

  /** Compact JSON text: no spaces, as stored and as the size limit counts it. */
  public static String compact(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serializes", e);
    }
  }

  public static int compactBytes(JsonNode node) {
    return compact(node).getBytes(StandardCharsets.UTF_8).length;
  }

  /** Parses JSON text holding exactly one value, or answers null when it is not that. */
  public static JsonNode parseOrNull(String text) {
    try {
      JsonNode node = WHOLE_VALUE.readTree(text);
      return node == null || node.isMissingNode() ? null : node;
    } catch (JsonProcessingException e) {
      return null;
    }
  }
}

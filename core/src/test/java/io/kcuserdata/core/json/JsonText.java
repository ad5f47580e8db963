package io.kcuserdata.core.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** JSON for tests, written with single quotes so it reads as it would on the wire. */
public final class JsonText {

  private JsonText() {}

  /** Parses {@code text} after turning every {@code '} into {@code "}. */
  public static JsonNode json(String text) {
    try {
      return Json.MAPPER.readTree(text.replace('\'', '"'));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON: " + text, e);
    }
  }

  public static ObjectNode object(String text) {
    return (ObjectNode) json(text);
  }
}

package io.kcuserdata.admin.passwords;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds {@code password_hash} objects the way the import format's JSON would carry them. */
final class PasswordHashJson {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private PasswordHashJson() {}

  /** Alternating field names and values; a value may be a String, a number or null. */
  static JsonNode of(Object... namesAndValues) {
    Map<String, Object> fields = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      fields.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return MAPPER.valueToTree(fields);
  }

  static JsonNode parse(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }
}

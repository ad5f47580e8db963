package io.kcuserdata.admin.migration.sources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Where an import's lines come from: the pack's own export format, or another identity system's
 * user export, converted line by line into the pack's format before anything is checked.
 */
public enum ImportSource {
  KC_USERDATA("kc-userdata", line -> line),
  AUTH0("auth0", Auth0Users::convert),
  LOGTO("logto", LogtoUsers::convert);

  private final String id;
  private final UnaryOperator<JsonNode> converter;

  ImportSource(String id, UnaryOperator<JsonNode> converter) {
    this.id = id;
    this.converter = converter;
  }

  public String id() {
    return id;
  }

  /** The line in the pack's format; a line that is not an object is passed on to be refused. */
  public JsonNode convert(JsonNode line) {
    return line instanceof ObjectNode ? converter.apply(line) : line;
  }

  /** {@code kc-userdata} when absent. */
  public static Optional<ImportSource> parse(String value) {
    if (value == null || value.isBlank()) {
      return Optional.of(KC_USERDATA);
    }
    String wanted = value.trim().toLowerCase(Locale.ROOT);
    for (ImportSource source : values()) {
      if (source.id.equals(wanted)) {
        return Optional.of(source);
      }
    }
    return Optional.empty();
  }
}

package io.kcuserdata.core.storage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kcuserdata.core.json.Json;
import io.kcuserdata.core.namespace.AttributeName;
import io.kcuserdata.core.namespace.Namespace;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * How a namespace's top-level keys map onto user attributes. A string is stored raw, so Keycloak's
 * attribute search finds it; any other JSON value is stored as compact JSON, and its key is listed
 * in the namespace's marker attribute {@code <namespace>._json} so that the string {@code "42"} and
 * the number {@code 42} stay apart. The marker's name can never be a key: keys start with a letter.
 */
public final class AttributeCodec {

  static final String MARKER_KEY = "_json";

  private AttributeCodec() {}

  /** The marker attribute of a namespace. */
  public static String marker(Namespace namespace) {
    return namespace.attributePrefix() + MARKER_KEY;
  }

  /**
   * Every namespace present in {@code attributes}, each with its keys in sorted order. Attributes
   * that are not namespaced data are ignored.
   */
  public static Map<Namespace, ObjectNode> decodeAll(Map<String, List<String>> attributes) {
    Map<Namespace, Map<String, List<String>>> raw = new TreeMap<>();
    attributes.forEach(
        (name, values) ->
            AttributeName.parse(name)
                .ifPresent(
                    a ->
                        raw.computeIfAbsent(a.namespace(), n -> new TreeMap<>())
                            .put(a.key(), values)));
    Map<Namespace, ObjectNode> decoded = new TreeMap<>();
    raw.forEach(
        (namespace, keys) -> {
          Set<String> jsonKeys = markedKeys(attributes, namespace);
          ObjectNode content = Json.object();
          keys.forEach(
              (key, values) -> {
                JsonNode value = decodeValue(values, jsonKeys.contains(key));
                if (value != null) {
                  content.set(key, value);
                }
              });
          if (!content.isEmpty()) {
            decoded.put(namespace, content);
          }
        });
    return decoded;
  }

  /** One namespace's attributes for {@code content}: name to values, the marker included. */
  public static Map<String, List<String>> encode(Namespace namespace, ObjectNode content) {
    Map<String, List<String>> attributes = new TreeMap<>();
    Set<String> jsonKeys = new TreeSet<>();
    content
        .fields()
        .forEachRemaining(
            member -> {
              String name = namespace.attributePrefix() + member.getKey();
              JsonNode value = member.getValue();
              if (value.isTextual()) {
                attributes.put(name, List.of(value.textValue()));
              } else if (!value.isNull()) {
                attributes.put(name, List.of(Json.compact(value)));
                jsonKeys.add(member.getKey());
              }
            });
    if (!jsonKeys.isEmpty()) {
      attributes.put(marker(namespace), List.copyOf(jsonKeys));
    }
    return attributes;
  }

  private static Set<String> markedKeys(Map<String, List<String>> attributes, Namespace namespace) {
    List<String> marked = attributes.get(marker(namespace));
    return marked == null ? Set.of() : Set.copyOf(marked);
  }

  private static JsonNode decodeValue(List<String> values, boolean json) {
    if (values == null || values.isEmpty()) {
      return null;
    }
    if (json && values.size() == 1) {
      JsonNode parsed = Json.parseOrNull(values.get(0));
      if (parsed != null) {
        return parsed;
      }
    }
    if (values.size() == 1) {
      return Json.NODES.textNode(values.get(0));
    }
    // Several values come from writers other than the pack (Keycloak's own attribute mappers).
    ArrayNode array = Json.NODES.arrayNode();
    values.forEach(array::add);
    return array;
  }
}

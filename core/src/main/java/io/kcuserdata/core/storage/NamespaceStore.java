package io.kcuserdata.core.storage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kcuserdata.core.json.Json;
import io.kcuserdata.core.namespace.Namespace;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads and writes namespaces on a user's attributes. A write touches only the keys whose value
 * changes; the others keep their stored form (a multi-valued attribute another writer made stays
 * multi-valued and searchable).
 */
public final class NamespaceStore {

  private NamespaceStore() {}

  public static Map<Namespace, ObjectNode> readAll(UserAttributes user) {
    return AttributeCodec.decodeAll(user.all());
  }

  /** Makes the stored {@code namespace} equal to {@code content}; an empty object removes it. */
  public static void write(UserAttributes user, Namespace namespace, ObjectNode content) {
    Map<String, List<String>> stored = user.all();
    ObjectNode before = AttributeCodec.decodeAll(stored).getOrDefault(namespace, Json.object());
    List<String> markerValues = stored.get(AttributeCodec.marker(namespace));
    Set<String> marked = new TreeSet<>(markerValues == null ? List.of() : markerValues);
    marked.retainAll(keys(before));

    for (String key : keys(before)) {
      if (!content.has(key)) {
        user.remove(namespace.attributePrefix() + key);
        marked.remove(key);
      }
    }
    content
        .fields()
        .forEachRemaining(
            member -> {
              String key = member.getKey();
              JsonNode value = member.getValue();
              if (value.isNull() || Objects.equals(before.get(key), value)) {
                return;
              }
              String name = namespace.attributePrefix() + key;
              List<String> encoded =
                  List.of(value.isTextual() ? value.textValue() : Json.compact(value));
              if (value.isTextual()) {
                marked.remove(key);
              } else {
                marked.add(key);
              }
              if (!encoded.equals(stored.get(name))) {
                user.set(name, encoded);
              }
            });
    writeMarker(user, namespace, markerValues, marked);
  }

  private static void writeMarker(
      UserAttributes user, Namespace namespace, List<String> stored, Set<String> marked) {
    String name = AttributeCodec.marker(namespace);
    if (marked.isEmpty()) {
      if (stored != null) {
        user.remove(name);
      }
    } else if (stored == null
        || !new TreeSet<>(stored).equals(marked)
        || stored.size() != marked.size()) {
      user.set(name, List.copyOf(marked));
    }
  }

  private static Set<String> keys(ObjectNode node) {
    Set<String> keys = new TreeSet<>();
    node.fieldNames().forEachRemaining(keys::add);
    return keys;
  }
}

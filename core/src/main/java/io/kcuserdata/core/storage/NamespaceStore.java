package io.kcuserdata.core.storage;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kcuserdata.core.namespace.AttributeName;
import io.kcuserdata.core.namespace.Namespace;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Reads and writes namespaces on a user's attributes, touching only attributes that change. */
public final class NamespaceStore {

  private NamespaceStore() {}

  public static Map<Namespace, ObjectNode> readAll(UserAttributes user) {
    return AttributeCodec.decodeAll(user.all());
  }

  /** Makes the stored {@code namespace} equal to {@code content}; an empty object removes it. */
  public static void write(UserAttributes user, Namespace namespace, ObjectNode content) {
    Map<String, List<String>> current = user.all();
    Map<String, List<String>> wanted = AttributeCodec.encode(namespace, content);
    for (String name : List.copyOf(current.keySet())) {
      if (belongsTo(name, namespace) && !wanted.containsKey(name)) {
        user.remove(name);
      }
    }
    wanted.forEach(
        (name, values) -> {
          if (!Objects.equals(current.get(name), values)) {
            user.set(name, values);
          }
        });
  }

  private static boolean belongsTo(String attribute, Namespace namespace) {
    if (attribute.equals(AttributeCodec.marker(namespace))) {
      return true;
    }
    return AttributeName.parse(attribute).map(a -> a.namespace().equals(namespace)).orElse(false);
  }
}

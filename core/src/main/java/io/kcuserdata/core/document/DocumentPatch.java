package io.kcuserdata.core.document;

import com.fasterxml.jackson.databind.JsonNode;
import io.kcuserdata.core.error.InvalidUserDataException;
import io.kcuserdata.core.namespace.Namespace;
import io.kcuserdata.core.namespace.NamespaceKind;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A merge patch of the whole document, split into one merge patch per namespace. {@code null} for a
 * namespace (or for {@code idp}/{@code org}, all of their namespaces) empties it.
 */
public final class DocumentPatch {

  private DocumentPatch() {}

  /**
   * @param patch the request body, a JSON object in the document's shape
   * @param present the scoped namespaces the user has now, which {@code "org": null} empties
   * @return namespace to its patch: a JSON object, or {@code null} to empty the namespace
   */
  public static Map<Namespace, JsonNode> split(JsonNode patch, Set<Namespace> present) {
    if (patch == null || !patch.isObject()) {
      throw new InvalidUserDataException("(document)", "a merge patch of user data is an object");
    }
    Map<Namespace, JsonNode> parts = new TreeMap<>();
    patch
        .fields()
        .forEachRemaining(
            member -> {
              String name = member.getKey();
              JsonNode value = member.getValue();
              NamespaceKind kind =
                  NamespaceKind.byPrefix(name)
                      .orElseThrow(() -> new InvalidUserDataException(name, "unknown namespace"));
              if (!kind.scoped()) {
                parts.put(new Namespace(kind, null), namespacePatch(name, value));
              } else if (value.isNull()) {
                present.stream().filter(n -> n.kind() == kind).forEach(n -> parts.put(n, null));
              } else if (value.isObject()) {
                value
                    .fields()
                    .forEachRemaining(
                        scoped -> {
                          Namespace namespace = new Namespace(kind, scoped.getKey());
                          parts.put(namespace, namespacePatch(namespace.name(), scoped.getValue()));
                        });
              } else {
                throw new InvalidUserDataException(
                    name, "an object of " + name + ".<alias> namespaces, or null");
              }
            });
    return parts;
  }

  private static JsonNode namespacePatch(String name, JsonNode value) {
    if (value.isNull()) {
      return null;
    }
    if (!value.isObject()) {
      throw new InvalidUserDataException(name, "a namespace is a JSON object, or null to empty it");
    }
    return value;
  }
}

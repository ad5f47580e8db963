package io.kcuserdata.core.validation;

import com.fasterxml.jackson.databind.JsonNode;
import io.kcuserdata.core.json.Json;
import io.kcuserdata.core.namespace.AttributeName;
import io.kcuserdata.core.namespace.Namespace;
import io.kcuserdata.core.namespace.NamespaceKind;
import java.util.Iterator;
import java.util.Set;

/** Checks one namespace's content against the key rules and the limits before it is stored. */
public final class NamespaceRules {

  /** What {@code profile} holds: the OIDC standard profile claims Keycloak has no field for. */
  public static final Set<String> PROFILE_KEYS =
      Set.of(
          "middle_name",
          "nickname",
          "profile",
          "website",
          "picture",
          "gender",
          "birthdate",
          "zoneinfo",
          "locale",
          "address");

  private final Limits limits;

  public NamespaceRules(Limits limits) {
    this.limits = limits;
  }

  public Limits limits() {
    return limits;
  }

  /**
   * Throws for the first broken rule, naming the key.
   *
   * @param content the namespace as it would be stored: a JSON object
   */
  public void check(Namespace namespace, JsonNode content) {
    if (content == null || !content.isObject()) {
      throw new InvalidUserDataException(namespace.name(), "a namespace is a JSON object");
    }
    Iterator<String> keys = content.fieldNames();
    while (keys.hasNext()) {
      String key = keys.next();
      String where = namespace.name() + "." + key;
      if (!AttributeName.KEY.matcher(key).matches()) {
        throw new InvalidUserDataException(where, "a key matches " + AttributeName.KEY.pattern());
      }
      if (namespace.kind() == NamespaceKind.PROFILE && !PROFILE_KEYS.contains(key)) {
        throw new InvalidUserDataException(
            where, "profile holds the OIDC standard claims " + String.join(", ", sorted()));
      }
      if (depth(content.get(key)) + 1 > limits.maxDepth()) {
        throw new InvalidUserDataException(
            where, "nesting deeper than " + limits.maxDepth() + " levels");
      }
    }
    int bytes = Json.compactBytes(content);
    if (bytes > limits.maxNamespaceBytes()) {
      throw new InvalidUserDataException(
          namespace.name(),
          "larger than "
              + limits.maxNamespaceBytes()
              + " bytes as compact JSON ("
              + bytes
              + " bytes)");
    }
  }

  /** Levels of objects and arrays in {@code value}: 0 for a scalar. */
  static int depth(JsonNode value) {
    if (value == null || !value.isContainerNode()) {
      return 0;
    }
    int deepest = 0;
    for (JsonNode child : value) {
      deepest = Math.max(deepest, depth(child));
    }
    return deepest + 1;
  }

  private static Iterable<String> sorted() {
    return PROFILE_KEYS.stream().sorted().toList();
  }
}

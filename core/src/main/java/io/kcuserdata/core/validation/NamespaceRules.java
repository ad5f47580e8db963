package io.kcuserdata.core.validation;

import com.fasterxml.jackson.databind.JsonNode;
import io.kcuserdata.core.error.InvalidUserDataException;
import io.kcuserdata.core.json.Json;
import io.kcuserdata.core.namespace.AttributeName;
import io.kcuserdata.core.namespace.Namespace;
import io.kcuserdata.core.namespace.NamespaceKind;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;

/**
 * Checks one namespace's content against the key rules, the limits and the claim formats before it
 * is stored.
 */
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
   * Throws for the first broken rule, naming the key, for content written as new.
   *
   * @param content the namespace as it would be stored: a JSON object
   */
  public void check(Namespace namespace, JsonNode content) {
    check(namespace, content, null);
  }

  /**
   * Throws for the first broken rule, naming the key.
   *
   * @param content the namespace as it would be stored: a JSON object
   * @param stored the namespace as it is stored now, or {@code null}: a value it holds already is
   *     not held to the claim formats, so data stored before a format rule existed (or written by
   *     another writer) does not block writes of other keys
   */
  public void check(Namespace namespace, JsonNode content, JsonNode stored) {
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
      String unstorable = unstorableText(content.get(key));
      if (unstorable != null) {
        throw new InvalidUserDataException(where, unstorable);
      }
      if (namespace.kind() == NamespaceKind.PROFILE) {
        checkFormat(where, key, content.get(key), stored);
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

  private static void checkFormat(String where, String key, JsonNode value, JsonNode stored) {
    if (stored != null && value.equals(stored.get(key))) {
      return;
    }
    ClaimFormat.ofProfileKey(key)
        .flatMap(format -> format.problem(value))
        .ifPresent(
            problem -> {
              throw new InvalidUserDataException(where, problem.message(), problem.messageKey());
            });
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

  /**
   * Why some text in {@code value} (a string or a nested key) cannot be stored as it is, or null.
   * PostgreSQL refuses U+0000 in text columns (a server error, not a clear refusal), and a lone
   * UTF-16 surrogate is no character at all: UTF-8 storage would turn it into something else.
   */
  public static String unstorableText(JsonNode value) {
    if (value == null) {
      return null;
    }
    if (value.isTextual()) {
      return unstorable(value.textValue());
    }
    if (value.isObject()) {
      Iterator<String> names = value.fieldNames();
      while (names.hasNext()) {
        String name = names.next();
        String problem = unstorable(name);
        if (problem == null) {
          problem = unstorableText(value.get(name));
        }
        if (problem != null) {
          return problem;
        }
      }
    } else if (value.isArray()) {
      for (JsonNode child : value) {
        String problem = unstorableText(child);
        if (problem != null) {
          return problem;
        }
      }
    }
    return null;
  }

  private static String unstorable(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == 0) {
        return "text holds the character U+0000, which cannot be stored";
      }
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return "text holds a lone UTF-16 surrogate (U+"
            + Integer.toHexString(c).toUpperCase(Locale.ROOT)
            + "), which is not a character";
      }
    }
    return null;
  }

  private static Iterable<String> sorted() {
    return PROFILE_KEYS.stream().sorted().toList();
  }
}

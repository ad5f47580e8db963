package io.kcuserdata.core.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.ValidationMessage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** A schema compiled once and checked on every write of the namespaces it governs. */
public final class NamespaceSchema {

  /** Enough to act on; a namespace that breaks more rules is reported in part. */
  static final int MAX_VIOLATIONS = 20;

  private final JsonNode document;
  private final JsonSchema compiled;

  NamespaceSchema(JsonNode document, JsonSchema compiled) {
    this.document = document;
    this.compiled = compiled;
  }

  /** The schema as the admin stored it. */
  public JsonNode document() {
    return document.deepCopy();
  }

  /** What {@code content}, the namespace {@code namespace} as it would be stored, breaks. */
  public List<SchemaViolation> check(String namespace, JsonNode content) {
    Set<ValidationMessage> messages;
    try {
      messages = compiled.validate(content);
    } catch (RuntimeException e) {
      // A pattern over its time budget, or anything else the validator stumbles on: refused.
      return List.of(new SchemaViolation(namespace, "", "could not be checked: " + e.getMessage()));
    } catch (StackOverflowError e) {
      return List.of(
          new SchemaViolation(namespace, "", "could not be checked: the schema recurses too deep"));
    }
    List<SchemaViolation> violations = new ArrayList<>(messages.size());
    for (ValidationMessage message : messages) {
      violations.add(violation(namespace, message));
    }
    violations.sort(
        Comparator.comparing(SchemaViolation::pointer).thenComparing(SchemaViolation::message));
    return violations.size() > MAX_VIOLATIONS ? violations.subList(0, MAX_VIOLATIONS) : violations;
  }

  private static SchemaViolation violation(String namespace, ValidationMessage message) {
    JsonNodePath location = message.getInstanceLocation();
    String pointer = pointer(location);
    // "required" is reported at the object; the member it misses is where a form shows it.
    if ("required".equals(message.getType()) && message.getProperty() != null) {
      pointer = pointer + "/" + escape(message.getProperty());
    }
    return new SchemaViolation(namespace, pointer, text(message, location));
  }

  private static String pointer(JsonNodePath location) {
    StringBuilder pointer = new StringBuilder();
    for (int i = 0; location != null && i < location.getNameCount(); i++) {
      pointer.append('/').append(escape(String.valueOf(location.getElement(i))));
    }
    return pointer.toString();
  }

  /** The message without the location the validator puts first: the pointer carries it. */
  private static String text(ValidationMessage message, JsonNodePath location) {
    String text = message.getMessage();
    String prefix = location == null ? "" : location + ": ";
    if (!prefix.isEmpty() && text.startsWith(prefix)) {
      return text.substring(prefix.length());
    }
    return text.startsWith(": ") ? text.substring(2) : text;
  }

  private static String escape(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }
}

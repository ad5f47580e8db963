package io.kcuserdata.core.profile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kcuserdata.core.document.UserDataDocument;
import io.kcuserdata.core.error.InvalidUserDataException;
import io.kcuserdata.core.json.Json;
import io.kcuserdata.core.namespace.AttributeName;
import io.kcuserdata.core.schema.SchemaViolation;
import io.kcuserdata.core.schema.SchemaViolationException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What Keycloak's user profile would write to namespaced attributes, as a merge patch for the
 * pack's write path, and that path's refusals as errors at the form's fields.
 *
 * <p>A value arrives as the form's strings: one string is stored as a string, several as an array
 * of strings, none removes the key. A key stored as JSON (a number, an object) keeps being read as
 * JSON when the new text parses, as Keycloak's writes of such attributes always were.
 */
final class DataWrites {

  /** The validator id of the pack's refusals in Keycloak's validation errors. */
  static final String VALIDATOR = "userdata";

  private DataWrites() {}

  /**
   * The merge patch for {@code writes} (attribute name to its new values, empty for a removal).
   *
   * @throws InvalidUserDataException for a name no writer of the pack's path may write
   */
  static ObjectNode patch(Map<String, List<String>> writes, UserDataDocument current) {
    ObjectNode patch = Json.object();
    writes.forEach(
        (name, values) -> {
          AttributeName attribute =
              AttributeName.parse(name)
                  .orElseThrow(
                      () -> new InvalidUserDataException(name, "not writable through this form"));
          JsonNode stored = current.get(attribute.namespace()).get(attribute.key());
          container(patch, attribute).set(attribute.key(), value(values, stored));
        });
    return patch;
  }

  private static ObjectNode container(ObjectNode patch, AttributeName attribute) {
    ObjectNode kind = patch.withObject("/" + attribute.namespace().kind().prefix());
    String alias = attribute.namespace().alias();
    return alias == null ? kind : kind.withObject("/" + alias);
  }

  private static JsonNode value(List<String> values, JsonNode stored) {
    List<String> present = values.stream().filter(Objects::nonNull).toList();
    if (present.isEmpty()) {
      return Json.NODES.nullNode();
    }
    if (present.size() == 1) {
      String text = present.get(0);
      if (stored != null && !stored.isTextual() && !stored.isNull()) {
        JsonNode parsed = Json.parseOrNull(text);
        if (parsed != null) {
          return parsed;
        }
      }
      return Json.NODES.textNode(text);
    }
    ArrayNode array = Json.NODES.arrayNode();
    present.forEach(array::add);
    return array;
  }

  /**
   * The refusal as errors, each at the attribute it concerns; a refusal of a key the form did not
   * send (a schema's {@code required}, the namespace as a whole) is shown at the first attribute of
   * that namespace the form did send. A rule Keycloak has a validator for is given as that
   * validator's message key, so Keycloak's forms and the account console translate it.
   *
   * @return attribute name to its messages, in the order of {@code written}
   */
  static Map<String, List<String>> errors(InvalidUserDataException refusal, List<String> written) {
    Map<String, List<String>> errors = new LinkedHashMap<>();
    if (refusal instanceof SchemaViolationException schema) {
      for (SchemaViolation violation : schema.violations()) {
        String key = violation.key();
        String at = key == null ? violation.namespace() : violation.namespace() + "." + key;
        errors
            .computeIfAbsent(field(at, violation.namespace(), written), f -> new ArrayList<>())
            .add(violation.message());
      }
    } else {
      String namespace = namespaceOf(refusal.where());
      errors
          .computeIfAbsent(field(refusal.where(), namespace, written), f -> new ArrayList<>())
          .add(refusal.messageKey().orElse(refusal.rule()));
    }
    return errors;
  }

  private static String field(String at, String namespace, List<String> written) {
    if (written.contains(at)) {
      return at;
    }
    return written.stream()
        .filter(name -> name.startsWith(namespace + "."))
        .findFirst()
        .orElse(written.isEmpty() ? at : written.get(0));
  }

  private static String namespaceOf(String where) {
    return AttributeName.namespaceOf(where).map(n -> n.name()).orElse(where);
  }
}

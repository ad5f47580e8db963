package io.kcuserdata.core.spi;

import com.fasterxml.jackson.databind.JsonNode;
import io.kcuserdata.core.json.Json;
import io.kcuserdata.core.schema.InvalidSchemaException;
import io.kcuserdata.core.schema.NamespaceSchema;
import io.kcuserdata.core.schema.SchemaCheck;
import io.kcuserdata.core.schema.SchemaCompiler;
import io.kcuserdata.core.schema.SchemaTarget;
import io.kcuserdata.core.schema.SchemaViolation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.keycloak.models.RealmModel;

/**
 * A realm's JSON Schemas, one realm attribute each ({@code userdata.schema.custom_data}, {@code
 * userdata.schema.org.*}): realm attributes travel in the realm's JSON, so a schema round-trips
 * through Keycloak's realm export and import like the rest of the realm's configuration.
 *
 * <p>A schema that reached the realm some other way than the pack's endpoint (a realm import, the
 * realm's own admin API) and does not compile fails closed: writes to its namespaces are refused,
 * naming the broken schema, until an admin replaces or deletes it.
 */
public final class RealmSchemas {

  public static final String ATTRIBUTE_PREFIX = "userdata.schema.";

  private final RealmModel realm;
  private final SchemaCompiler compiler;

  RealmSchemas(RealmModel realm, SchemaCompiler compiler) {
    this.realm = realm;
    this.compiler = compiler;
  }

  public static String attribute(SchemaTarget target) {
    return ATTRIBUTE_PREFIX + target.name();
  }

  /** The schema as stored, parsed; a stored text that is not JSON is answered as a string. */
  public Optional<JsonNode> stored(SchemaTarget target) {
    String text = realm.getAttribute(attribute(target));
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    JsonNode parsed = Json.parseOrNull(text);
    return Optional.of(parsed == null ? Json.NODES.textNode(text) : parsed);
  }

  /** Checks {@code candidate} as {@link #put} would, storing nothing. */
  public NamespaceSchema compile(JsonNode candidate) {
    return compiler.compile(candidate);
  }

  /**
   * Attaches {@code candidate} to {@code target}, replacing what was there.
   *
   * @throws InvalidSchemaException when it is no schema the pack accepts; nothing is stored
   */
  public NamespaceSchema put(SchemaTarget target, JsonNode candidate) {
    NamespaceSchema schema = compiler.compile(candidate);
    realm.setAttribute(attribute(target), Json.compact(schema.document()));
    return schema;
  }

  /** Detaches the schema of {@code target}; false when there was none. */
  public boolean delete(SchemaTarget target) {
    if (realm.getAttribute(attribute(target)) == null) {
      return false;
    }
    realm.removeAttribute(attribute(target));
    return true;
  }

  /** The schemas as every write applies them. */
  public SchemaCheck check() {
    return (namespace, content) -> {
      List<SchemaViolation> violations = new ArrayList<>();
      for (SchemaTarget target : SchemaTarget.governing(namespace)) {
        String text = realm.getAttribute(attribute(target));
        if (text == null || text.isBlank()) {
          continue;
        }
        NamespaceSchema schema;
        try {
          schema = compiler.compile(text);
        } catch (InvalidSchemaException e) {
          violations.add(
              new SchemaViolation(
                  namespace.name(),
                  "",
                  "the realm's schema for "
                      + target.name()
                      + " cannot be used ("
                      + e.getMessage()
                      + "); an administrator must replace it"));
          continue;
        }
        violations.addAll(schema.check(namespace.name(), content));
      }
      return violations;
    };
  }
}

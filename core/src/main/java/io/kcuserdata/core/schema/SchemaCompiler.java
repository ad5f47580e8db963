package io.kcuserdata.core.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaId;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.resource.AllowSchemaLoader;
import io.kcuserdata.core.json.Json;
import io.kcuserdata.core.validation.NamespaceRules;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns a candidate schema into a {@link NamespaceSchema}, or refuses it with a reason: draft
 * 2020-12 only, valid against the draft's meta-schema, at most {@value #MAX_BYTES} bytes and
 * {@value #MAX_DEPTH} levels deep, and self-contained: {@code $ref} reaches only the document's own
 * {@code #…} ({@code $defs}), never a URL, and the validator loads nothing but the draft's
 * meta-schemas it carries, so no schema makes the server fetch anything. Compiled schemas are kept
 * by their text, so each stored schema is compiled once per server.
 */
public final class SchemaCompiler {

  public static final int MAX_BYTES = 64 * 1024;
  public static final int MAX_DEPTH = 32;
  static final String DRAFT = SchemaId.V202012;
  private static final int CACHED = 256;

  /** Keywords whose values are data, not schemas: a "$ref" inside them is just a name. */
  private static final Set<String> DATA_KEYWORDS = Set.of("const", "enum", "default", "examples");

  private final JsonSchemaFactory factory;
  private final SchemaValidatorsConfig config;
  private final JsonSchema metaSchema;
  private final Map<String, NamespaceSchema> compiled =
      new LinkedHashMap<>(CACHED, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, NamespaceSchema> eldest) {
          return size() > CACHED;
        }
      };

  public SchemaCompiler() {
    factory =
        JsonSchemaFactory.getInstance(
            SpecVersion.VersionFlag.V202012,
            builder ->
                builder.schemaLoaders(
                    loaders ->
                        // Mapped by the validator from https://json-schema.org/draft/2020-12/….
                        loaders.add(
                            new AllowSchemaLoader(
                                iri -> iri.toString().startsWith("classpath:draft/2020-12/")))));
    config =
        SchemaValidatorsConfig.builder()
            .locale(Locale.ENGLISH)
            .pathType(PathType.JSON_POINTER)
            // Admins who write "format": "email" mean it: the value is checked, not annotated.
            .formatAssertionsEnabled(true)
            .regularExpressionFactory(new TimeBoxedRegex())
            .build();
    metaSchema = factory.getSchema(SchemaLocation.of(DRAFT), config);
    metaSchema.initializeValidators();
  }

  /** Parses and compiles {@code text}; the same text compiles once. */
  public NamespaceSchema compile(String text) {
    if (text == null || text.isBlank()) {
      throw new InvalidSchemaException("the schema is empty");
    }
    if (text.length() > MAX_BYTES) {
      throw new InvalidSchemaException("the schema is larger than " + MAX_BYTES + " bytes");
    }
    JsonNode document = Json.parseOrNull(text);
    if (document == null) {
      throw new InvalidSchemaException("the schema is not JSON");
    }
    return compile(document);
  }

  /** Checks and compiles {@code document}; the same document compiles once. */
  public NamespaceSchema compile(JsonNode document) {
    if (document == null || !document.isObject()) {
      throw new InvalidSchemaException("a schema is a JSON object");
    }
    String key = Json.compact(document);
    synchronized (compiled) {
      NamespaceSchema known = compiled.get(key);
      if (known != null) {
        return known;
      }
    }
    NamespaceSchema schema = fresh(document, key);
    synchronized (compiled) {
      compiled.put(key, schema);
    }
    return schema;
  }

  private NamespaceSchema fresh(JsonNode document, String compact) {
    int bytes = Json.compactBytes(document);
    if (bytes > MAX_BYTES) {
      throw new InvalidSchemaException(
          "the schema is larger than " + MAX_BYTES + " bytes as compact JSON (" + bytes + ")");
    }
    if (depth(document) > MAX_DEPTH) {
      throw new InvalidSchemaException("the schema nests deeper than " + MAX_DEPTH + " levels");
    }
    String unstorable = NamespaceRules.unstorableText(document);
    if (unstorable != null) {
      // Kept as a realm attribute: what a database cannot store as written is no schema to keep.
      throw new InvalidSchemaException("the schema's " + unstorable);
    }
    refuseOutsideReferences(document, "");
    Set<ValidationMessage> problems;
    try {
      problems = metaSchema.validate(document);
    } catch (RuntimeException | StackOverflowError e) {
      throw new InvalidSchemaException("the schema could not be read: " + e.getMessage());
    }
    if (!problems.isEmpty()) {
      throw new InvalidSchemaException(
          "not a valid draft 2020-12 schema: "
              + problems.stream()
                  .map(ValidationMessage::getMessage)
                  .sorted()
                  .limit(5)
                  .collect(Collectors.joining("; ")));
    }
    JsonSchema schema;
    try {
      schema = factory.getSchema(Json.parseOrNull(compact), config);
      schema.initializeValidators();
    } catch (RuntimeException | StackOverflowError e) {
      throw new InvalidSchemaException("the schema could not be compiled: " + e.getMessage());
    }
    try {
      // A schema that refers to itself whatever the value ({"$ref":"#"}) never finishes a check.
      schema.validate(Json.object());
    } catch (StackOverflowError e) {
      throw new InvalidSchemaException("the schema refers to itself without end");
    } catch (RuntimeException e) {
      throw new InvalidSchemaException("the schema could not be checked: " + e.getMessage());
    }
    return new NamespaceSchema(document.deepCopy(), schema);
  }

  /**
   * Only references into the document itself: {@code $ref} and {@code $dynamicRef} start with
   * {@code #}; no {@code $id} moves the document to another address; {@code $schema}, when given,
   * names draft 2020-12.
   */
  private static void refuseOutsideReferences(JsonNode node, String at) {
    if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        refuseOutsideReferences(node.get(i), at + "/" + i);
      }
      return;
    }
    if (!node.isObject()) {
      return;
    }
    Iterator<Map.Entry<String, JsonNode>> members = node.fields();
    while (members.hasNext()) {
      Map.Entry<String, JsonNode> member = members.next();
      String name = member.getKey();
      JsonNode value = member.getValue();
      String where = at + "/" + name;
      if (value.isTextual()) {
        String text = value.textValue();
        if ((name.equals("$ref") || name.equals("$dynamicRef")) && !text.startsWith("#")) {
          throw new InvalidSchemaException(
              where
                  + ": only references within the schema (#/$defs/…) are allowed; "
                  + text
                  + " would be fetched");
        }
        if (name.equals("$id")) {
          throw new InvalidSchemaException(
              where + ": $id is not allowed: a namespace's schema has no address of its own");
        }
        if (name.equals("$schema") && !text.equals(DRAFT) && !text.equals(DRAFT + "#")) {
          throw new InvalidSchemaException(
              where + ": only JSON Schema draft 2020-12 (" + DRAFT + ") is supported");
        }
      }
      if (!DATA_KEYWORDS.contains(name)) {
        refuseOutsideReferences(value, where);
      }
    }
  }

  private static int depth(JsonNode node) {
    if (!node.isContainerNode()) {
      return 0;
    }
    int deepest = 0;
    for (JsonNode child : node) {
      deepest = Math.max(deepest, depth(child));
      if (deepest > MAX_DEPTH) {
        break;
      }
    }
    return deepest + 1;
  }
}

package io.kcuserdata.it.docs;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.OutputUnit;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.OpenAPIContractBuilder;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.contract.Parameter;
import io.vertx.openapi.contract.Response;
import io.vertx.openapi.mediatype.MediaTypeInfo;
import io.vertx.openapi.validation.ResponseValidator;
import io.vertx.openapi.validation.SchemaValidationException;
import io.vertx.openapi.validation.ValidatableResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * Whether a real answer of the server is one {@code docs/openapi.yaml} describes, judged by Vert.x
 * OpenAPI's response validator: the status is documented for the operation, each documented header
 * is there when required and matches its schema, the body's media type is documented and the body
 * matches that media type's schema. Building it checks the document against OpenAPI 3.1's own
 * schema first.
 */
public final class DocumentedAnswers implements AutoCloseable {

  private static final String WEBHOOK_SCHEMAS = "webhooks/schemas/";
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private final Vertx vertx;
  private final OpenAPIContract contract;
  private final ResponseValidator validator;

  private DocumentedAnswers(Vertx vertx, OpenAPIContract contract) {
    this.vertx = vertx;
    this.contract = contract;
    this.validator = ResponseValidator.create(vertx, contract);
  }

  /**
   * @throws IllegalStateException naming what is wrong when the document is not valid OpenAPI 3.1
   */
  public static DocumentedAnswers load() {
    Vertx vertx = Vertx.vertx();
    try {
      OpenAPIContract contract =
          await(contract(vertx).mediaTypeRegistry(BodyFormats.registry()).build());
      return new DocumentedAnswers(vertx, contract);
    } catch (IOException | RuntimeException e) {
      vertx.close();
      throw new IllegalStateException("docs/openapi.yaml is not a valid contract: " + why(e), e);
    }
  }

  /**
   * The document as Vert.x can resolve it. It refers to the webhook payloads' schemas by their
   * files' paths, and they to each other, as a reader of the repository (or a tool given the
   * folder) resolves them; Vert.x reads no file by itself and resolves a reference only by the
   * {@code $id} of the schema it names. So each reference to such a file is given as that file's
   * {@code $id}, and the files are given by their ids.
   */
  private static OpenAPIContractBuilder contract(Vertx vertx) throws IOException {
    Map<String, JsonObject> schemas = new LinkedHashMap<>();
    Map<String, String> ids = new LinkedHashMap<>();
    Path folder = OpenApiDocument.FILE.resolveSibling(WEBHOOK_SCHEMAS);
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".schema.json")).toList()) {
        JsonObject schema = new JsonObject(Files.readString(file));
        schemas.put(schema.getString("$id"), schema);
        ids.put(file.getFileName().toString(), schema.getString("$id"));
      }
    }
    Map<String, JsonObject> byId = new LinkedHashMap<>();
    schemas.forEach((id, schema) -> byId.put(id, (JsonObject) withIds(schema, "", ids)));
    JsonObject document =
        new JsonObject(
            YAML.readValue(
                OpenApiDocument.FILE.toFile(), new TypeReference<Map<String, Object>>() {}));
    return OpenAPIContract.builder(vertx)
        .setContract((JsonObject) withIds(document, WEBHOOK_SCHEMAS, ids))
        .setAdditionalContractParts(byId);
  }

  /**
   * {@code json} with each {@code $ref} to {@code folder} + a file of {@code ids} made that file's
   * id, the fragment kept.
   */
  private static Object withIds(Object json, String folder, Map<String, String> ids) {
    if (json instanceof JsonObject object) {
      JsonObject copy = new JsonObject();
      object.forEach(
          member -> {
            Object value = member.getValue();
            if (member.getKey().equals("$ref") && value instanceof String ref) {
              String[] parts = ref.split("#", 2);
              String file =
                  parts[0].startsWith(folder) ? parts[0].substring(folder.length()) : null;
              if (file != null && ids.containsKey(file)) {
                value = ids.get(file) + (parts.length > 1 ? "#" + parts[1] : "");
              }
              copy.put("$ref", value);
            } else {
              copy.put(member.getKey(), withIds(value, folder, ids));
            }
          });
      return copy;
    }
    if (json instanceof JsonArray array) {
      JsonArray copy = new JsonArray();
      array.forEach(item -> copy.add(withIds(item, folder, ids)));
      return copy;
    }
    return json;
  }

  /**
   * What in an answer the document does not describe; empty when it describes all of it.
   *
   * @param method the request's HTTP method
   * @param template the route's path as the document names it, {@code /realms/{realm}/…}
   * @param headers the answer's headers, names in any case
   */
  public List<String> problems(
      String method, String template, int status, Map<String, List<String>> headers, String body) {
    Operation operation = operation(method, template);
    if (operation == null) {
      return List.of("the document has no operation " + method + " " + template);
    }
    List<String> problems = new ArrayList<>();
    Response documented = operation.getResponse(status);
    if (documented == null) {
      documented = operation.getDefaultResponse();
    }
    // The validator reads no body where the document shows none; such a body is a mismatch too.
    if (documented != null && documented.getContent().isEmpty() && !body.isEmpty()) {
      problems.add(
          "status " + status + " is documented without a body, but the answer has one: " + body);
    }
    String contentType = first(headers, "Content-Type");
    ValidatableResponse answer =
        contentType == null || body.isEmpty()
            ? ValidatableResponse.create(status, documentedHeaders(documented, headers))
            : ValidatableResponse.create(
                status,
                documentedHeaders(documented, headers),
                Buffer.buffer(body),
                // The document's media types are keyed without parameters (charset).
                MediaTypeInfo.of(contentType).fullType().toLowerCase(Locale.ROOT));
    try {
      await(validator.validate(answer, operation.getOperationId()));
    } catch (RuntimeException e) {
      problems.add(why(e));
    }
    return problems;
  }

  /** Every operation as {@code METHOD /path}, as the contract resolved them. */
  public List<String> routes() {
    return contract.operations().stream()
        .map(o -> o.getHttpMethod().name() + " " + o.getOpenAPIPath())
        .sorted()
        .toList();
  }

  private Operation operation(String method, String template) {
    return contract.operations().stream()
        .filter(o -> o.getHttpMethod().name().equalsIgnoreCase(method))
        .filter(o -> o.getOpenAPIPath().equals(template))
        .findFirst()
        .orElse(null);
  }

  /** The headers the document names for this answer, found whatever their case on the wire. */
  private static Map<String, String> documentedHeaders(
      Response documented, Map<String, List<String>> headers) {
    Map<String, String> named = new LinkedHashMap<>();
    if (documented != null) {
      for (Parameter header : documented.getHeaders()) {
        String value = all(headers, header.getName());
        if (value != null) {
          named.put(header.getName(), value);
        }
      }
    }
    return named;
  }

  private static String first(Map<String, List<String>> headers, String name) {
    return headers.entrySet().stream()
        .filter(e -> e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty())
        .map(e -> e.getValue().get(0))
        .findFirst()
        .orElse(null);
  }

  /** A header sent several times is one list, as HTTP reads it. */
  private static String all(Map<String, List<String>> headers, String name) {
    List<String> values =
        headers.entrySet().stream()
            .filter(e -> e.getKey().equalsIgnoreCase(name))
            .flatMap(e -> e.getValue().stream())
            .toList();
    return values.isEmpty() ? null : String.join(", ", values);
  }

  private static String why(Throwable e) {
    StringBuilder why = new StringBuilder(String.valueOf(e.getMessage()));
    if (e instanceof SchemaValidationException invalid && invalid.getOutputUnit() != null) {
      errors(invalid.getOutputUnit(), why);
    }
    if (e.getCause() != null && e.getCause() != e && !(e instanceof SchemaValidationException)) {
      why.append(" (").append(why(e.getCause())).append(')');
    }
    return why.toString();
  }

  private static void errors(OutputUnit unit, StringBuilder out) {
    if (unit.getError() != null) {
      out.append("\n  at ")
          .append(unit.getInstanceLocation())
          .append(" (")
          .append(unit.getKeywordLocation())
          .append("): ")
          .append(unit.getError());
    }
    if (unit.getErrors() != null) {
      unit.getErrors().forEach(child -> errors(child, out));
    }
  }

  private static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException runtime
          ? runtime
          : new IllegalStateException(e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException("no verdict within a minute", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    vertx.close();
  }
}

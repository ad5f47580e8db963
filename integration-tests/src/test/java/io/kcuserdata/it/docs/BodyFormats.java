package io.kcuserdata.it.docs;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.openapi.mediatype.ContentAnalyser;
import io.vertx.openapi.mediatype.ContentAnalyserFactory;
import io.vertx.openapi.mediatype.MediaTypeInfo;
import io.vertx.openapi.mediatype.MediaTypeRegistration;
import io.vertx.openapi.mediatype.MediaTypeRegistry;
import io.vertx.openapi.validation.ValidationContext;
import io.vertx.openapi.validation.ValidatorErrorType;
import io.vertx.openapi.validation.ValidatorException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The bodies of the pack beyond JSON, as the document's schemas see them: newline-delimited JSON
 * (the export, the import and its answer) as the array of its lines, one JSON value each, as
 * OpenAPI treats sequential media types; CSV and the delegated-admin page's files as text; merge
 * patches as the JSON they are.
 */
final class BodyFormats {

  /** JSON, as Vert.x reads it: a merge patch (RFC 7396) is a JSON document. */
  static final String MERGE_PATCH = "application/merge-patch+json";

  static final List<String> SEQUENCES = List.of("application/x-ndjson", "application/jsonl");
  static final List<String> TEXTS = List.of("text/csv", "text/html", "text/javascript", "text/css");

  private BodyFormats() {}

  /** Vert.x's own media types (JSON among them), and the pack's. */
  static MediaTypeRegistry registry() {
    return MediaTypeRegistry.createDefault()
        .register(new Registration(List.of(MERGE_PATCH), ContentAnalyserFactory.json()))
        .register(
            new Registration(SEQUENCES, (type, content, context) -> new Sequence(content, context)))
        .register(new Registration(TEXTS, (type, content, context) -> new Text(content, context)));
  }

  private record Registration(List<String> types, ContentAnalyserFactory analysers)
      implements MediaTypeRegistration {

    @Override
    public ContentAnalyser createContentAnalyser(
        String contentType, Buffer content, ValidationContext context) {
      return analysers.create(contentType, content, context);
    }

    @Override
    public boolean canHandle(String mediaType) {
      return types.contains(MediaTypeInfo.of(mediaType).fullType());
    }

    @Override
    public List<String> supportedTypes() {
      return types;
    }
  }

  /** One JSON value per line; a line that is not JSON breaks the body. */
  private record Sequence(Buffer content, ValidationContext context) implements ContentAnalyser {

    @Override
    public void checkSyntacticalCorrectness() {
      transform();
    }

    @Override
    public Object transform() {
      JsonArray lines = new JsonArray();
      int number = 0;
      for (String line : content.toString(StandardCharsets.UTF_8).split("\n")) {
        number++;
        if (line.isBlank()) {
          continue;
        }
        try {
          lines.add(Json.decodeValue(line));
        } catch (DecodeException e) {
          throw new ValidatorException(
              "line " + number + " of the " + context + " body is not JSON: " + line,
              ValidatorErrorType.ILLEGAL_VALUE);
        }
      }
      return lines;
    }
  }

  /** UTF-8 text, which the document's string schemas check. */
  private record Text(Buffer content, ValidationContext context) implements ContentAnalyser {

    @Override
    public void checkSyntacticalCorrectness() {}

    @Override
    public Object transform() {
      return content.toString(StandardCharsets.UTF_8);
    }
  }
}

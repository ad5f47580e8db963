package io.kcuserdata.it.docs;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * {@code docs/openapi.yaml}, the pack's published HTTP contract, read by swagger-parser as the
 * OpenAPI tools that generate clients and pages read it.
 */
public final class OpenApiDocument {

  /** Where the document is, from the repository's root. */
  public static final Path FILE =
      Path.of(System.getProperty("repo.root", ".."), "docs", "openapi.yaml").toAbsolutePath();

  private final SwaggerParseResult parsed;

  private OpenApiDocument(SwaggerParseResult parsed) {
    this.parsed = parsed;
  }

  /**
   * Reads the document, checking its references inside it. The references to the webhook schemas'
   * files are left to {@link DocumentedAnswers}, which resolves every one: swagger-parser resolves
   * a JSON Schema file's references into its {@code $defs} wrongly ("Could not find /$defs/…").
   */
  public static OpenApiDocument read() {
    ParseOptions options = new ParseOptions();
    options.setResolve(false);
    options.setValidateInternalRefs(true);
    return new OpenApiDocument(
        new OpenAPIV3Parser().readLocation(FILE.toUri().toString(), null, options));
  }

  /** What the parser found wrong (unknown members, broken references, missing fields). */
  public List<String> messages() {
    return parsed.getMessages() == null ? List.of() : List.copyOf(parsed.getMessages());
  }

  public OpenAPI model() {
    if (parsed.getOpenAPI() == null) {
      throw new IllegalStateException("docs/openapi.yaml did not parse: " + messages());
    }
    return parsed.getOpenAPI();
  }

  /** {@code METHOD /path/{param}} for every operation the document describes. */
  public SortedSet<String> routes() {
    SortedSet<String> routes = new TreeSet<>();
    model()
        .getPaths()
        .forEach(
            (path, item) ->
                item.readOperationsMap()
                    .keySet()
                    .forEach(
                        method -> routes.add(method.name().toUpperCase(Locale.ROOT) + " " + path)));
    return routes;
  }
}

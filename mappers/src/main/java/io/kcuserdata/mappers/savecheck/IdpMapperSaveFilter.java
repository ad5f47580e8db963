package io.kcuserdata.mappers.savecheck;

import com.fasterxml.jackson.databind.JsonNode;
import io.kcuserdata.core.json.Json;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Refuses, with 400 and the reason, an identity-provider mapper of the pack whose config cannot
 * run, before Keycloak's admin API stores it. Keycloak gives identity-provider mappers no {@code
 * validateConfig} (protocol mappers have one), so this JAX-RS filter in the provider JAR is the
 * save-time check; it only reads the body it lets through unchanged, and Keycloak's own permission
 * check still decides who may save.
 */
@Provider
public final class IdpMapperSaveFilter implements ContainerRequestFilter {

  private static final Pattern MAPPERS =
      Pattern.compile(
          "(?:^|.*/)admin/realms/[^/]+/identity-provider/instances/([^/]+)/mappers(?:/[^/]+)?/?");
  private static final int MAX_BODY = 256 * 1024;

  @Override
  public void filter(ContainerRequestContext request) throws IOException {
    String method = request.getMethod();
    if (!"POST".equals(method) && !"PUT".equals(method)) {
      return;
    }
    String uri = request.getUriInfo().getPath();
    // Every POST passes here, token requests too: a plain search before the pattern.
    if (!uri.contains("/identity-provider/instances/")) {
      return;
    }
    Matcher path = MAPPERS.matcher(uri);
    if (!path.matches() || !request.hasEntity()) {
      return;
    }
    InputStream entity = request.getEntityStream();
    byte[] body = entity.readNBytes(MAX_BODY + 1);
    if (body.length > MAX_BODY) {
      // No mapper config is this large: not checked, but Keycloak still gets every byte.
      request.setEntityStream(new SequenceInputStream(new ByteArrayInputStream(body), entity));
      return;
    }
    request.setEntityStream(new ByteArrayInputStream(body));
    problem(body, path.group(1))
        .ifPresent(
            reason ->
                request.abortWith(
                    Response.status(Response.Status.BAD_REQUEST)
                        .type(MediaType.APPLICATION_JSON_TYPE)
                        .entity(errorJson(reason))
                        .build()));
  }

  private static Optional<String> problem(byte[] body, String pathAlias) {
    JsonNode mapper;
    try {
      mapper = Json.MAPPER.readTree(body);
    } catch (IOException e) {
      return Optional.empty(); // Keycloak answers malformed JSON itself
    }
    if (mapper == null || !mapper.isObject()) {
      return Optional.empty();
    }
    String alias = text(mapper.get("identityProviderAlias"));
    Map<String, String> config = new LinkedHashMap<>();
    mapper
        .path("config")
        .fields()
        .forEachRemaining(
            e -> {
              if (!e.getValue().isNull()) {
                config.put(e.getKey(), e.getValue().isValueNode() ? e.getValue().asText() : "");
              }
            });
    return MapperConfigCheck.problem(
            text(mapper.get("identityProviderMapper")), alias == null ? pathAlias : alias, config)
        .map(reason -> "Mapper '" + text(mapper.get("name")) + "': " + reason);
  }

  private static String text(JsonNode value) {
    return value != null && value.isTextual() ? value.asText() : null;
  }

  private static String errorJson(String reason) {
    return Json.object()
        .put("error", "invalid_mapper_config")
        .put("errorMessage", reason)
        .toString();
  }
}

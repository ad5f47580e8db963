package io.kcuserdata.claims.secret;

import static io.kcuserdata.claims.config.ExternalClaimsConfig.AUTH_SECRET;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kcuserdata.claims.secret.AdminMapperRequest.Shape;
import io.kcuserdata.core.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Seals, in a request body on its way to Keycloak's admin API, the secrets typed into external
 * claims mappers, so that Keycloak's resource, its store and its admin event only ever see the
 * sealed form. The body is read as a stream; only each mapper object is read whole, and only a
 * mapper whose secret was sealed is written anew: every other byte of the body stays as it was.
 */
public final class SecretsInRequestBody {

  /** Seals a plain {@code auth.secret} in a mapper's config, in place. */
  @FunctionalInterface
  public interface ConfigSealer {
    /**
     * @return whether it sealed the secret
     */
    boolean seal(Map<String, String> config);
  }

  private static final byte[] MAPPER_ID =
      StoredSecrets.PROVIDER_ID.getBytes(StandardCharsets.US_ASCII);
  private static final byte[] ESCAPE = "\\u".getBytes(StandardCharsets.US_ASCII);

  /** Where mappers may be below a point of the body; null members: nothing of ours there. */
  private record Where(boolean mapper, Map<String, Where> fields, Where element) {

    static final Where MAPPER = new Where(true, Map.of(), null);
    static final Where MAPPER_LIST = new Where(false, Map.of(), MAPPER);
    static final Where CONTAINER = new Where(false, Map.of("protocolMappers", MAPPER_LIST), null);
    static final Where CONTAINER_LIST = new Where(false, Map.of(), CONTAINER);
    static final Where REALM =
        new Where(false, Map.of("clients", CONTAINER_LIST, "clientScopes", CONTAINER_LIST), null);

    static Where of(Shape shape) {
      return switch (shape) {
        case MAPPER -> MAPPER;
        case MAPPERS -> MAPPER_LIST;
        case CONTAINER -> CONTAINER;
        case REALM -> REALM;
      };
    }
  }

  /** A part of the body to write anew: the bytes from {@code start} to {@code end} exclusive. */
  private record Splice(int start, int end, byte[] bytes) {}

  private SecretsInRequestBody() {}

  /**
   * Whether {@code body} may name an external claims mapper: it holds the mapper's id, or a {@code
   * \\u} escape that could spell it. Cheaper than parsing, and false for nearly every body.
   */
  public static boolean mayCarry(byte[] body) {
    return indexOf(body, MAPPER_ID) >= 0 || indexOf(body, ESCAPE) >= 0;
  }

  /**
   * The body with the plain secrets of its external claims mappers sealed by {@code sealer}, or
   * empty when there is none to seal, or the body is not JSON in UTF-8 (Keycloak answers that
   * itself). Vault references and sealed values are left as they are.
   */
  public static Optional<byte[]> seal(byte[] body, Shape shape, ConfigSealer sealer) {
    List<Splice> splices = new ArrayList<>();
    try (JsonParser parser = Json.MAPPER.getFactory().createParser(body)) {
      if (parser.nextToken() == null) {
        return Optional.empty();
      }
      walk(parser, Where.of(shape), sealer, splices);
    } catch (IOException | Unsplicable e) {
      return Optional.empty();
    }
    if (splices.isEmpty()) {
      return Optional.empty();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + 256 * splices.size());
    int at = 0;
    for (Splice splice : splices) {
      out.write(body, at, splice.start() - at);
      out.writeBytes(splice.bytes());
      at = splice.end();
    }
    out.write(body, at, body.length - at);
    return Optional.of(out.toByteArray());
  }

  /** Walks the value at the parser's current token, which is at {@code where}. */
  private static void walk(JsonParser parser, Where where, ConfigSealer sealer, List<Splice> out)
      throws IOException {
    JsonToken token = parser.currentToken();
    if (where == null) {
      parser.skipChildren();
    } else if (where.mapper() && token == JsonToken.START_OBJECT) {
      int start = offset(parser.currentTokenLocation().getByteOffset());
      JsonNode mapper = Json.MAPPER.readTree(parser);
      int end = offset(parser.currentLocation().getByteOffset());
      if (sealIn((ObjectNode) mapper, sealer)) {
        out.add(new Splice(start, end, Json.MAPPER.writeValueAsBytes(mapper)));
      }
    } else if (token == JsonToken.START_OBJECT) {
      while (next(parser) == JsonToken.FIELD_NAME) {
        Where field = where.fields().get(parser.currentName());
        next(parser);
        walk(parser, field, sealer, out);
      }
    } else if (token == JsonToken.START_ARRAY) {
      while (next(parser) != JsonToken.END_ARRAY) {
        walk(parser, where.element(), sealer, out);
      }
    }
  }

  /** Seals the plain secret of {@code mapper} if it is an external claims mapper. */
  private static boolean sealIn(ObjectNode mapper, ConfigSealer sealer) {
    JsonNode type = mapper.get("protocolMapper");
    JsonNode configNode = mapper.get("config");
    if (type == null
        || !StoredSecrets.PROVIDER_ID.equals(type.textValue())
        || configNode == null
        || !configNode.isObject()) {
      return false;
    }
    Map<String, String> config = new LinkedHashMap<>();
    configNode
        .fields()
        .forEachRemaining(
            entry -> {
              String text = asKeycloakReadsIt(entry.getValue());
              if (text != null) {
                config.put(entry.getKey(), text);
              }
            });
    if (MapperSecret.formOf(config) != MapperSecret.Form.PLAIN || !sealer.seal(config)) {
      return false;
    }
    ((ObjectNode) configNode).put(AUTH_SECRET, config.get(AUTH_SECRET));
    return true;
  }

  /**
   * A config value as Keycloak's {@code Map<String, String>} holds it; null for what it would not
   * hold as the same text (null, objects, arrays; floats, whose text the tree does not keep).
   */
  private static String asKeycloakReadsIt(JsonNode value) {
    if (value.isTextual()) {
      return value.textValue();
    }
    return value.isIntegralNumber() || value.isBoolean() ? value.asText() : null;
  }

  private static JsonToken next(JsonParser parser) throws IOException {
    JsonToken token = parser.nextToken();
    if (token == null) {
      throw new Unsplicable(); // cut short: Keycloak refuses it
    }
    return token;
  }

  /** A byte offset of the parser; there is none when the body is not in a single-byte-unit form. */
  private static int offset(long byteOffset) {
    if (byteOffset < 0 || byteOffset > Integer.MAX_VALUE) {
      throw new Unsplicable();
    }
    return (int) byteOffset;
  }

  private static int indexOf(byte[] body, byte[] part) {
    outer:
    for (int i = 0; i <= body.length - part.length; i++) {
      for (int j = 0; j < part.length; j++) {
        if (body[i + j] != part[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  /** The body cannot be rewritten where it stands: it goes to Keycloak as it came. */
  private static final class Unsplicable extends RuntimeException {
    Unsplicable() {
      super(null, null, false, false);
    }
  }
}

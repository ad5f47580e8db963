package io.kcuserdata.admin.http;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * Reads a request body as JSON, refusing what a client should not send: another media type, more
 * bytes than any valid request needs, malformed or ambiguous JSON (duplicate keys, trailing data).
 */
public final class JsonBody {

  /** Larger than any valid user-data write under the default limits, small enough to hold. */
  public static final int MAX_BYTES = 1024 * 1024;

  /** Deeper than any namespace may be (its limit is at most 64), shallow enough to recurse. */
  static final int MAX_DEPTH = 100;

  public static final String MERGE_PATCH = "application/merge-patch+json";
  public static final String JSON = "application/json";

  private static final ObjectMapper STRICT =
      JsonMapper.builder()
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  static {
    STRICT
        .getFactory()
        .setStreamReadConstraints(
            StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build());
  }

  private JsonBody() {}

  /**
   * @param contentType the request's {@code Content-Type}
   * @param accepted the media types this endpoint takes
   */
  public static JsonNode read(String contentType, InputStream body, String... accepted) {
    String type =
        contentType == null ? "" : contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
    if (Arrays.stream(accepted).noneMatch(type::equals)) {
      throw ApiError.unsupportedMediaType(
          "Content-Type must be "
              + String.join(" or ", accepted)
              + (type.isEmpty()
                  ? ""
                  : ", not " + (type.length() > 100 ? type.substring(0, 100) + "…" : type)));
    }
    byte[] bytes;
    try {
      bytes = body == null ? new byte[0] : body.readNBytes(MAX_BYTES + 1);
    } catch (IOException e) {
      throw ApiError.invalidRequest("the request body could not be read");
    }
    if (bytes.length > MAX_BYTES) {
      throw ApiError.tooLarge("the request body is larger than " + MAX_BYTES + " bytes");
    }
    if (bytes.length == 0) {
      throw ApiError.invalidRequest("a JSON body is required");
    }
    String text = utf8(bytes);
    JsonNode json;
    try {
      json = STRICT.readTree(text);
    } catch (StreamConstraintsException e) {
      throw ApiError.invalidRequest(
          "malformed JSON: nested deeper than "
              + MAX_DEPTH
              + " levels, or a name or number too long"
              + where(e));
    } catch (JsonProcessingException e) {
      // Jackson's own message names its classes and options: say where, not how.
      throw ApiError.invalidRequest("malformed JSON" + where(e));
    } catch (IOException e) {
      throw ApiError.invalidRequest("the request body could not be read");
    }
    requireFiniteNumbers(json);
    return json;
  }

  /**
   * The body as UTF-8 (RFC 8259), refusing what a lenient decoder would turn into other characters:
   * invalid or overlong sequences ({@code C0 AF} is not {@code /}), encoded surrogates.
   */
  private static String utf8(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw ApiError.invalidRequest("the request body is not valid UTF-8");
    }
  }

  /** A number too large for a double would be stored as the text "Infinity". */
  private static void requireFiniteNumbers(JsonNode json) {
    if (json.isNumber() && !json.isIntegralNumber() && !Double.isFinite(json.doubleValue())) {
      throw ApiError.invalidRequest("a number is out of range: " + json.asText());
    }
    for (JsonNode child : json) {
      requireFiniteNumbers(child);
    }
  }

  private static String where(JsonProcessingException e) {
    JsonLocation location = e.getLocation();
    return location == null || location.getLineNr() < 1
        ? ""
        : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
  }
}

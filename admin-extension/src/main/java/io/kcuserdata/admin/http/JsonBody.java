package io.kcuserdata.admin.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Locale;

/**
 * Reads a request body as JSON, refusing what a client should not send: another media type, more
 * bytes than any valid request needs, malformed or ambiguous JSON (duplicate keys, trailing data).
 */
public final class JsonBody {

  /** Larger than any valid user-data write under the default limits, small enough to hold. */
  public static final int MAX_BYTES = 1024 * 1024;

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
        .setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(100).build());
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
              + (type.isEmpty() ? "" : ", not " + type));
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
    try {
      return STRICT.readTree(bytes);
    } catch (JsonProcessingException e) {
      throw ApiError.invalidRequest("malformed JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw ApiError.invalidRequest("the request body could not be read");
    }
  }
}

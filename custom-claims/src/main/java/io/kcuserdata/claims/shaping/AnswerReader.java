package io.kcuserdata.claims.shaping;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kcuserdata.core.json.ClaimPath;

/**
 * Reads an answer body: a JSON object; {@code {"deny":{"error_description":"…"}}} refuses the
 * token; otherwise the claims are the object, or the part of it at {@code response.path}.
 */
public final class AnswerReader {

  /** Longest deny description passed on to the client; the rest is cut. */
  static final int MAX_DESCRIPTION = 256;

  static final String DEFAULT_DENY_DESCRIPTION = "Access denied.";

  // Trailing tokens fail, so "{…} garbage" is not mistaken for a good answer.
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private final ClaimPath responsePath;
  private final boolean mergesAtTopLevel;

  /**
   * @param responsePath null for the whole object
   * @param mergesAtTopLevel whether the claims must be an object (their members become claims)
   */
  public AnswerReader(ClaimPath responsePath, boolean mergesAtTopLevel) {
    this.responsePath = responsePath;
    this.mergesAtTopLevel = mergesAtTopLevel;
  }

  public ApiAnswer read(byte[] body) throws InvalidAnswerException {
    JsonNode root;
    try {
      root = body.length == 0 ? null : MAPPER.readTree(body);
    } catch (JsonProcessingException e) {
      throw new InvalidAnswerException("the answer is not JSON");
    } catch (java.io.IOException e) {
      throw new InvalidAnswerException("the answer could not be read");
    }
    if (root == null || !root.isObject()) {
      throw new InvalidAnswerException("the answer is not a JSON object");
    }
    if (root.has("deny")) {
      return new ApiAnswer.Deny(description(root.get("deny")));
    }
    JsonNode claims = responsePath == null ? root : responsePath.find(root).orElse(null);
    if (claims == null || claims.isNull()) {
      return new ApiAnswer.Claims(null);
    }
    if (mergesAtTopLevel && !claims.isObject()) {
      throw new InvalidAnswerException(
          "the claims are not a JSON object, and without a claim name only an object's members"
              + " can be merged into the token");
    }
    return new ApiAnswer.Claims(claims);
  }

  /** The API's text for the client, with control characters removed and its length capped. */
  static String description(JsonNode deny) {
    JsonNode text = deny == null ? null : deny.get("error_description");
    if (text == null || !text.isTextual() || text.textValue().isBlank()) {
      return DEFAULT_DENY_DESCRIPTION;
    }
    String clean = text.textValue().replaceAll("\\p{Cntrl}", " ").strip();
    if (clean.isEmpty()) {
      return DEFAULT_DENY_DESCRIPTION; // nothing but control characters
    }
    return clean.length() > MAX_DESCRIPTION ? clean.substring(0, MAX_DESCRIPTION) : clean;
  }
}

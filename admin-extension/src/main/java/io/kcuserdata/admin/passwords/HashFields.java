package io.kcuserdata.admin.passwords;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Base64;

/** Reads and bounds the fields of an imported {@code password_hash} object. */
final class HashFields {

  static final String PREFIX = "password_hash.";
  static final int MIN_SALT_BYTES = 8;
  static final int MAX_SALT_BYTES = 1024;
  static final int MIN_HASH_BYTES = 4;
  static final int MAX_HASH_BYTES = 1024;

  // Far above any real hash string; stops a hostile import from making us decode megabytes.
  static final int MAX_TEXT_LENGTH = 4096;

  private HashFields() {}

  static boolean isPresent(JsonNode object, String field) {
    JsonNode value = object.get(field);
    return value != null && !value.isNull();
  }

  static String requiredText(JsonNode object, String field) {
    if (!isPresent(object, field)) {
      throw invalid(field, "is required");
    }
    JsonNode value = object.get(field);
    if (!value.isTextual()) {
      throw invalid(field, "must be a string");
    }
    String text = value.textValue();
    if (text.isEmpty()) {
      throw invalid(field, "must not be empty");
    }
    if (text.length() > MAX_TEXT_LENGTH) {
      throw invalid(field, "must be at most " + MAX_TEXT_LENGTH + " characters");
    }
    return text;
  }

  static int requiredInt(JsonNode object, String field, int min, int max) {
    if (!isPresent(object, field)) {
      throw invalid(field, "is required");
    }
    JsonNode value = object.get(field);
    // canConvertToInt alone would accept 3.7 by truncating it.
    if (!value.isIntegralNumber() || !value.canConvertToInt()) {
      throw invalid(field, "must be an integer");
    }
    return bounded(field, value.intValue(), min, max);
  }

  static int bounded(String field, long value, int min, int max) {
    if (value < min || value > max) {
      throw invalid(field, "must be between " + min + " and " + max);
    }
    return (int) value;
  }

  static void atLeast(String field, long value, long min) {
    if (value < min) {
      throw invalid(field, "must be at least " + min);
    }
  }

  /**
   * Decodes standard-alphabet base64 with or without padding (PHC strings omit it) and bounds the
   * decoded length. The message never repeats the input: it may be a hash or a salt.
   */
  static byte[] base64(String field, String text, int minBytes, int maxBytes) {
    byte[] decoded;
    try {
      decoded = Base64.getDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      throw invalid(field, "must be standard base64");
    }
    if (decoded.length < minBytes || decoded.length > maxBytes) {
      throw invalid(field, "must decode to " + minBytes + " to " + maxBytes + " bytes");
    }
    return decoded;
  }

  static InvalidPasswordHashException invalid(String field, String rule) {
    return new InvalidPasswordHashException(PREFIX + field + " " + rule);
  }
}

package io.kcuserdata.mappers.email;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/** What one verified flag said. */
public enum VerifiedFlag {
  TRUE,
  FALSE,
  /** Present but neither a boolean nor the string "true" or "false". */
  INVALID,
  MISSING;

  /**
   * Reads a flag. The strings "true" and "false" count because some providers (Apple, for one) send
   * {@code email_verified} as a string; anything else is not a yes.
   */
  static VerifiedFlag of(JsonNode value) {
    if (value == null || value.isMissingNode() || value.isNull()) {
      return MISSING;
    }
    if (value.isBoolean()) {
      return value.booleanValue() ? TRUE : FALSE;
    }
    if (value.isTextual()) {
      return switch (value.textValue().trim().toLowerCase(Locale.ROOT)) {
        case "true" -> TRUE;
        case "false" -> FALSE;
        default -> INVALID;
      };
    }
    return INVALID;
  }

  /** Two sources together: missing has no say, a no beats an unreadable value beats a yes. */
  VerifiedFlag and(VerifiedFlag other) {
    if (this == MISSING) {
      return other;
    }
    if (other == MISSING) {
      return this;
    }
    if (this == FALSE || other == FALSE) {
      return FALSE;
    }
    if (this == INVALID || other == INVALID) {
      return INVALID;
    }
    return TRUE;
  }
}

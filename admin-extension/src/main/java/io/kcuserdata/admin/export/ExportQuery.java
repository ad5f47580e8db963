package io.kcuserdata.admin.export;

import io.kcuserdata.admin.http.ApiError;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.keycloak.utils.SearchQueryUtils;

/**
 * Which users a bulk export covers: Keycloak's attribute query {@code q} ({@code key:value …},
 * exact and case-insensitive as in the users endpoint), the cursor {@code after} (the last id a
 * previous export wrote) and an optional {@code max}.
 *
 * @param attributes attribute name to lower-cased value, every one required
 * @param after export users whose id sorts after this one; {@code null} from the start
 * @param max at most this many users; {@code 0} for all
 */
public record ExportQuery(Map<String, String> attributes, String after, long max) {

  static final int MAX_TERMS = 20;
  static final int MAX_VALUE_LENGTH = 255;
  private static final Pattern CURSOR = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  public static ExportQuery parse(String q, String after, String max) {
    return new ExportQuery(terms(q), cursor(after), limit(max));
  }

  private static Map<String, String> terms(String q) {
    if (q == null || q.isBlank()) {
      return Map.of();
    }
    Map<String, String> fields;
    try {
      fields = SearchQueryUtils.getFields(q);
    } catch (RuntimeException e) {
      throw ApiError.invalidRequest("q is not a query of key:value terms");
    }
    if (fields.isEmpty()) {
      throw ApiError.invalidRequest("q has no key:value term");
    }
    if (fields.size() > MAX_TERMS) {
      throw ApiError.invalidRequest("q has more than " + MAX_TERMS + " terms");
    }
    Map<String, String> terms = new TreeMap<>();
    fields.forEach(
        (key, value) -> {
          if (key.isBlank() || key.length() > MAX_VALUE_LENGTH) {
            throw ApiError.invalidRequest("q has an empty or over-long attribute name");
          }
          if (value.length() > MAX_VALUE_LENGTH) {
            throw ApiError.invalidRequest(
                "q: the value for '"
                    + ExportFormat.clip(key)
                    + "' is longer than "
                    + MAX_VALUE_LENGTH
                    + " characters");
          }
          terms.put(key, value.toLowerCase(Locale.ROOT));
        });
    return Map.copyOf(terms);
  }

  private static String cursor(String after) {
    if (after == null || after.isEmpty()) {
      return null;
    }
    if (!CURSOR.matcher(after).matches()) {
      throw ApiError.invalidRequest(
          "after must be the id of the last user a previous export wrote");
    }
    return after;
  }

  private static long limit(String max) {
    if (max == null || max.isBlank()) {
      return 0;
    }
    try {
      long value = Long.parseLong(max.trim());
      if (value >= 1) {
        return value;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw ApiError.invalidRequest("max must be a whole number of at least 1");
  }
}

package io.kcuserdata.admin.http;

/**
 * A whole-number query parameter such as {@code first} or {@code max}, read by the pack rather than
 * by JAX-RS: JAX-RS answers a value it cannot convert with a bare 404, as if the endpoint did not
 * exist; the pack answers 400 naming the parameter.
 */
public final class QueryNumbers {

  private QueryNumbers() {}

  /**
   * @return {@code fallback} when the parameter is absent or empty
   */
  public static int of(String name, String value, int fallback) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw ApiError.invalidRequest(name + " must be a whole number");
    }
  }
}

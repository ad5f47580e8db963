package io.kcuserdata.admin.branding;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The two realm attributes the {@code userdata} login theme reads, and the patterns a value must
 * match. The theme checks the same patterns again before a value reaches its stylesheet.
 */
public final class Brand {

  public static final String PRIMARY_COLOR = "userdata.theme.primary.color";
  public static final String LOGO_URL = "userdata.theme.logo.url";

  static final Pattern COLOR = Pattern.compile("#[0-9A-Fa-f]{6}");

  /** No quotes, parentheses, backslashes or spaces: nothing that could leave a CSS url(). */
  static final Pattern URL = Pattern.compile("https://[A-Za-z0-9._~:/?#@!$&+,;=%-]{1,500}");

  private Brand() {}

  /** Whether two values set the same thing: equal once trimmed, blank meaning "not set". */
  static boolean same(String a, String b) {
    return Objects.equals(trimmed(a), trimmed(b));
  }

  /** A value as it takes effect: trimmed, {@code null} when blank. */
  static String trimmed(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  /**
   * Why {@code value} cannot be used for {@code attribute}, or {@code null} when it can (blank
   * means "not set").
   */
  public static String problem(String attribute, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.strip();
    if (PRIMARY_COLOR.equals(attribute) && !COLOR.matcher(v).matches()) {
      return "the primary colour must be #rrggbb, e.g. #0066cc";
    }
    if (LOGO_URL.equals(attribute) && !URL.matcher(v).matches()) {
      return "the logo URL must be https:// without quotes, spaces, parentheses or backslashes,"
          + " at most 500 characters";
    }
    return null;
  }
}

package io.kcuserdata.admin.branding;

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

package io.kcuserdata.admin.passwords;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The bcrypt modular-crypt rules shared by the importer and the hash provider. */
final class Bcrypt {

  static final int MIN_COST = 4;
  static final int MAX_COST = 31;

  // bcrypt itself only ever keys on the first 72 bytes; node bcrypt (Auth0, Logto) silently
  // drops the rest, so we must drop them too or long passwords would stop matching.
  static final int MAX_PASSWORD_BYTES = 72;

  // Used with matches(), never find(): a "$" anchor would also accept a trailing newline.
  private static final Pattern FORMAT =
      Pattern.compile("\\$2[aby]\\$([0-9]{2})\\$[./A-Za-z0-9]{53}");

  private Bcrypt() {}

  /** The cost of a well-formed bcrypt string, or -1 when it is not one. */
  static int costOf(String hash) {
    if (hash == null) {
      return -1;
    }
    Matcher matcher = FORMAT.matcher(hash);
    if (!matcher.matches()) {
      return -1;
    }
    int cost = Integer.parseInt(matcher.group(1));
    return isValidCost(cost) ? cost : -1;
  }

  static boolean isValidCost(int cost) {
    return cost >= MIN_COST && cost <= MAX_COST;
  }

  /** The bytes bcrypt actually keys on: UTF-8, cut at 72 bytes even inside a character. */
  static byte[] passwordBytes(String rawPassword) {
    byte[] utf8 = rawPassword.getBytes(StandardCharsets.UTF_8);
    return utf8.length <= MAX_PASSWORD_BYTES ? utf8 : Arrays.copyOf(utf8, MAX_PASSWORD_BYTES);
  }
}

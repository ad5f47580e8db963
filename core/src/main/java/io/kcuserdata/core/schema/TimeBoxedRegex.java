package io.kcuserdata.core.schema;

import com.networknt.schema.regex.RegularExpression;
import com.networknt.schema.regex.RegularExpressionFactory;
import java.util.regex.Pattern;

/**
 * {@code pattern} and {@code patternProperties} with a time budget per match. A schema's pattern
 * runs on every write of values users and identity providers choose; a pattern that backtracks
 * exponentially ({@code ^(a+)+$}) would otherwise hold a request thread for minutes on a few dozen
 * characters. A match over budget fails the check, so the write is refused, never let through.
 */
final class TimeBoxedRegex implements RegularExpressionFactory {

  /** Generous for any sane pattern on a namespace-sized value (16 KiB by default). */
  static final long BUDGET_NANOS = 50_000_000L;

  /** A match stopped for taking longer than the budget. */
  static final class TooSlowException extends RuntimeException {
    TooSlowException(String pattern) {
      super("the pattern " + pattern + " took too long on this value");
    }
  }

  @Override
  public RegularExpression getRegularExpression(String regex) {
    Pattern pattern = Pattern.compile(regex);
    return value ->
        pattern.matcher(new Deadline(value, System.nanoTime() + BUDGET_NANOS, regex)).find();
  }

  /** The value, checking the clock every few thousand characters the matcher reads. */
  private static final class Deadline implements CharSequence {
    private final CharSequence text;
    private final long deadline;
    private final String regex;
    private int reads;

    Deadline(CharSequence text, long deadline, String regex) {
      this.text = text;
      this.deadline = deadline;
      this.regex = regex;
    }

    @Override
    public char charAt(int index) {
      if ((++reads & 0xFFF) == 0 && System.nanoTime() > deadline) {
        throw new TooSlowException(regex);
      }
      return text.charAt(index);
    }

    @Override
    public int length() {
      return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      return new Deadline(text.subSequence(start, end), deadline, regex);
    }

    @Override
    public String toString() {
      return text.toString();
    }
  }
}

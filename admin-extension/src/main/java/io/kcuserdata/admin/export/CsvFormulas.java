package io.kcuserdata.admin.export;

import io.kcuserdata.admin.http.ApiError;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a CSV export does with a cell a spreadsheet would run as a formula, such as {@code
 * =HYPERLINK("http://evil.example","x")} written by a user into their own data: the {@code
 * formulas} parameter of the export.
 */
public enum CsvFormulas {

  /**
   * The default, after OWASP's advice on CSV injection: a cell starting with {@code =}, {@code +},
   * {@code -}, {@code @}, a tab or a carriage return (after any leading white space, which some
   * spreadsheets trim) gets a single quote in front, so spreadsheets show it as text. A cell that
   * is a plain number ({@code -5}, {@code +49301234}, {@code -1.5e3}) stays as it is: a number can
   * neither call a function nor refer to a cell, and quoting it would turn numbers into text.
   */
  NEUTRALISE("neutralise"),

  /** Every cell exactly as stored, for tools that read the CSV as data. */
  KEEP("keep");

  private static final Pattern PLAIN_NUMBER =
      Pattern.compile("[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][+-]?[0-9]+)?");

  private final String value;

  CsvFormulas(String value) {
    this.value = value;
  }

  /** The parameter's value that chooses it. */
  public String value() {
    return value;
  }

  /** {@link #NEUTRALISE} when absent; only CSV takes the parameter. */
  public static CsvFormulas parse(String value, ExportFormat format) {
    if (value == null || value.isBlank()) {
      return NEUTRALISE;
    }
    if (format != ExportFormat.CSV) {
      throw ApiError.invalidRequest("formulas applies to format=csv only");
    }
    String wanted = value.strip().toLowerCase(Locale.ROOT);
    for (CsvFormulas formulas : values()) {
      if (formulas.value.equals(wanted)) {
        return formulas;
      }
    }
    throw ApiError.invalidRequest(
        "formulas must be neutralise or keep, not '" + ExportFormat.clip(value) + "'");
  }

  /** The cell as this choice writes it (before CSV quoting). */
  String apply(String cell) {
    return this == NEUTRALISE && startsLikeAFormula(cell) ? "'" + cell : cell;
  }

  static boolean startsLikeAFormula(String cell) {
    if (cell.isEmpty()) {
      return false;
    }
    char first = cell.charAt(0);
    if (first == '\t' || first == '\r') {
      return true;
    }
    int i = 0;
    while (i < cell.length() && Character.isWhitespace(cell.charAt(i))) {
      i++;
    }
    if (i == cell.length() || "=+-@".indexOf(cell.charAt(i)) < 0) {
      return false;
    }
    return i > 0 || !PLAIN_NUMBER.matcher(cell).matches();
  }
}

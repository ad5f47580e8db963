package io.kcuserdata.admin.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

/** A strict reader of RFC 4180 text, to check what {@link CsvWriter} writes reads back. */
final class Rfc4180 {

  private Rfc4180() {}

  /** Splits RFC 4180 text into rows of cells, checking that every row ends with CRLF. */
  static List<List<String>> parse(String csv) {
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < csv.length(); i++) {
      char c = csv.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cell.append(c);
        }
      } else if (c == '"' && cell.isEmpty()) {
        quoted = true;
      } else if (c == ',') {
        row.add(cell.toString());
        cell.setLength(0);
      } else if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
        row.add(cell.toString());
        cell.setLength(0);
        rows.add(row);
        row = new ArrayList<>();
        i++;
      } else {
        assertThat(c).as("unquoted cell character at %d", i).isNotIn('"', '\r', '\n');
        cell.append(c);
      }
    }
    assertThat(quoted).as("unterminated quote").isFalse();
    assertThat(row).as("text after the last CRLF").isEmpty();
    assertThat(cell).as("text after the last CRLF").isEmpty();
    return rows;
  }
}

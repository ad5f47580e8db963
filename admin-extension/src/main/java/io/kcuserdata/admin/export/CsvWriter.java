package io.kcuserdata.admin.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kcuserdata.core.json.Json;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * RFC 4180 CSV: a header, then one row per user. Namespaces are flattened into {@code
 * namespace.key} columns (strings as they are, other values as JSON); memberships and credentials
 * are one JSON column each. Cells a spreadsheet would run as a formula are neutralised unless the
 * export asks to keep them ({@link CsvFormulas}).
 */
final class CsvWriter implements RecordWriter {

  private static final String CRLF = "\r\n";

  private final Writer out;
  private final List<String> columns;
  private final FieldSelection fields;
  private final CsvFormulas formulas;

  CsvWriter(Writer out, Collection<String> dataColumns, FieldSelection fields, CsvFormulas formulas)
      throws IOException {
    this.out = out;
    this.fields = fields;
    this.formulas = formulas;
    List<String> all = new ArrayList<>(RecordFields.IDENTITY);
    all.addAll(dataColumns);
    all.addAll(RecordFields.RELATIONS);
    all.removeIf(column -> !fields.keepsColumn(column));
    this.columns = List.copyOf(all);
    row(columns);
  }

  List<String> columns() {
    return columns;
  }

  @Override
  public void write(ObjectNode record) throws IOException {
    // A kept column may hold more than was selected (custom_data.address for .address.city).
    ObjectNode selected = fields.apply(record);
    List<String> cells = new ArrayList<>(columns.size());
    for (String column : columns) {
      cells.add(text(find(selected, column)));
    }
    row(cells);
  }

  @Override
  public void flush() throws IOException {
    out.flush();
  }

  private static JsonNode find(ObjectNode record, String column) {
    JsonNode direct = record.get(column);
    if (direct != null) {
      return direct;
    }
    JsonNode node = record;
    for (String segment : column.split("\\.")) {
      node = node == null ? null : node.get(segment);
    }
    return node;
  }

  private static String text(JsonNode value) {
    if (value == null || value.isNull() || value.isMissingNode()) {
      return "";
    }
    return value.isTextual() ? value.textValue() : Json.compact(value);
  }

  private void row(List<String> cells) throws IOException {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        out.write(',');
      }
      out.write(escape(formulas.apply(cells.get(i))));
    }
    out.write(CRLF);
  }

  static String escape(String cell) {
    boolean quote =
        cell.indexOf(',') >= 0
            || cell.indexOf('"') >= 0
            || cell.indexOf('\n') >= 0
            || cell.indexOf('\r') >= 0;
    return quote ? '"' + cell.replace("\"", "\"\"") + '"' : cell;
  }
}

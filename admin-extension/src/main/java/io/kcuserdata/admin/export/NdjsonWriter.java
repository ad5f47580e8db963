package io.kcuserdata.admin.export;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kcuserdata.core.json.Json;
import java.io.IOException;
import java.io.Writer;

/** One compact JSON record per line: lossless, and readable line by line while it arrives. */
final class NdjsonWriter implements RecordWriter {

  private final Writer out;
  private final FieldSelection fields;

  NdjsonWriter(Writer out, FieldSelection fields) {
    this.out = out;
    this.fields = fields;
  }

  @Override
  public void write(ObjectNode record) throws IOException {
    out.write(Json.compact(fields.apply(record)));
    out.write('\n');
  }

  @Override
  public void flush() throws IOException {
    out.flush();
  }
}

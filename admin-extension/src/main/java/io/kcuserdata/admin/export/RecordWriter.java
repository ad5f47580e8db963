package io.kcuserdata.admin.export;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/** Writes exported user records as they are read, so the export holds one page at a time. */
interface RecordWriter {

  void write(ObjectNode record) throws IOException;

  /** Pushes what was written to the client: called after every page. */
  void flush() throws IOException;
}

package io.kcuserdata.admin.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kcuserdata.core.json.Json;
import java.io.IOException;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class NdjsonWriterTest {

  private final StringWriter out = new StringWriter();

  private static ObjectNode json(String text) {
    return (ObjectNode) Json.parseOrNull(text);
  }

  @Test
  void writesOneCompactJsonRecordPerLineEndingWithLf() throws IOException {
    NdjsonWriter ndjson = new NdjsonWriter(out, FieldSelection.all());

    ndjson.write(json("{ \"id\" : \"u1\", \"profile\" : { \"locale\" : \"fr\" } }"));
    ndjson.write(json("{\"id\":\"u2\"}"));
    ndjson.flush();

    assertThat(out)
        .hasToString("{\"id\":\"u1\",\"profile\":{\"locale\":\"fr\"}}\n{\"id\":\"u2\"}\n");
  }

  @Test
  void writesOnlyTheSelectedFieldsAndTheId() throws IOException {
    NdjsonWriter ndjson = new NdjsonWriter(out, FieldSelection.parse("custom_data.plan"));

    ndjson.write(
        json("{\"id\":\"u1\",\"username\":\"ada\",\"custom_data\":{\"plan\":\"pro\",\"x\":1}}"));

    assertThat(out).hasToString("{\"id\":\"u1\",\"custom_data\":{\"plan\":\"pro\"}}\n");
  }

  @Test
  void keepsLineBreaksInsideValuesEscapedSoARecordStaysOneLine() throws IOException {
    NdjsonWriter ndjson = new NdjsonWriter(out, FieldSelection.all());

    ndjson.write(json("{\"id\":\"u1\",\"note\":\"a\\nb\\r\\nc\"}"));

    assertThat(out.toString()).hasLineCount(1).contains("a\\nb\\r\\nc");
  }

  @Test
  void writesUnicodeThatReadsBackUnchanged() throws IOException {
    NdjsonWriter ndjson = new NdjsonWriter(out, FieldSelection.all());
    ObjectNode record = Json.object().put("id", "u1").put("username", "Zoë 東京 🙂");

    ndjson.write(record);

    assertThat(Json.parseOrNull(out.toString().strip())).isEqualTo(record);
  }

  @Test
  void writesNothingForNoRecord() throws IOException {
    new NdjsonWriter(out, FieldSelection.all()).flush();

    assertThat(out.toString()).isEmpty();
  }
}

package io.kcuserdata.admin.http;

import static io.kcuserdata.admin.testing.ApiErrors.error;
import static io.kcuserdata.admin.testing.ApiErrors.invalidRequest;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonBodyTest {

  private static JsonNode read(byte[] body) {
    return JsonBody.read(JsonBody.JSON, new ByteArrayInputStream(body), JsonBody.JSON);
  }

  private static JsonNode read(String body) {
    return read(body.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] bytes(int... values) {
    byte[] bytes = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      bytes[i] = (byte) values[i];
    }
    return bytes;
  }

  @Test
  void readsAnObjectInUtf8() {
    assertThat(read("{\"a\":\"é\",\"n\":1.5}").toString()).isEqualTo("{\"a\":\"é\",\"n\":1.5}");
  }

  @Test
  void refusesAnotherMediaTypeNamingAtMostItsFirstHundredCharacters() {
    String type = "application/" + "x".repeat(5000);
    String description =
        error(
            () ->
                JsonBody.read(type, new ByteArrayInputStream(new byte[] {'{', '}'}), JsonBody.JSON),
            415,
            "unsupported_media_type");

    assertThat(description).contains("application/json").hasSizeLessThan(200);
  }

  @Nested
  class AnErrorSaysWhereNotHowJacksonFailed {

    @ParameterizedTest
    @ValueSource(
        strings = {
          "{} {}",
          "{\"a\":NaN}",
          "{\"a\":1,}",
          "{'a':1}",
          "/* x */ {}",
          "{\"a\":1,\"a\":2}",
        })
    void forMalformedJson(String body) {
      String description = invalidRequest(() -> read(body));

      assertThat(description).startsWith("malformed JSON at line 1, column ");
      assertThat(description).doesNotContain("`", "com.fasterxml", "Feature", "Constraints");
    }

    @Test
    void forNestingDeeperThanAHundredLevels() {
      String description = invalidRequest(() -> read("[".repeat(10_000) + "]".repeat(10_000)));

      assertThat(description).contains("nested deeper than 100 levels");
      assertThat(description).doesNotContain("`", "StreamReadConstraints");
    }

    @Test
    void forANumberOrNameLongerThanJacksonTakes() {
      assertThat(invalidRequest(() -> read("{\"a\":" + "9".repeat(5000) + "}")))
          .doesNotContain("`", "StreamReadConstraints")
          .contains("too long");
      assertThat(invalidRequest(() -> read("{\"" + "k".repeat(100_000) + "\":1}")))
          .doesNotContain("`", "StreamReadConstraints")
          .contains("too long");
    }
  }

  @Nested
  class TheBodyIsStrictUtf8 {

    @Test
    void anOverlongSequenceIsRefusedNotReadAsASlash() {
      byte[] body = bytes('{', '"', 'a', '"', ':', '"', 0xC0, 0xAF, '"', '}');

      assertThat(invalidRequest(() -> read(body))).isEqualTo("the request body is not valid UTF-8");
    }

    @Test
    void anInvalidOrSurrogateSequenceIsRefused() {
      assertThat(invalidRequest(() -> read(bytes('"', 0xC3, 0x28, '"')))).contains("UTF-8");
      assertThat(invalidRequest(() -> read(bytes('"', 0xED, 0xA0, 0x80, '"')))).contains("UTF-8");
    }

    @Test
    void utf16IsRefused() {
      assertThat(invalidRequest(() -> read("{\"a\":1}".getBytes(StandardCharsets.UTF_16LE))))
          .startsWith("malformed JSON");
    }
  }

  @Nested
  class Numbers {

    @Test
    void oneTooLargeForADoubleIsRefusedNotStoredAsInfinity() {
      assertThat(invalidRequest(() -> read("{\"a\":[1e999999]}"))).contains("out of range");
      assertThat(invalidRequest(() -> read("{\"a\":-1e999999}"))).contains("out of range");
    }

    @Test
    void largeIntegersAndSmallFractionsAreKept() {
      assertThat(read("{\"a\":" + "9".repeat(900) + ",\"b\":1e-300}").path("a").isBigInteger())
          .isTrue();
    }
  }
}

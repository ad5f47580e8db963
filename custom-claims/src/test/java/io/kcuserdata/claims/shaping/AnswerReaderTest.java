package io.kcuserdata.claims.shaping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import com.fasterxml.jackson.databind.JsonNode;
import io.kcuserdata.core.json.ClaimPath;
import io.kcuserdata.core.json.Json;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AnswerReaderTest {

  private static final AnswerReader WHOLE_AT_TOP = new AnswerReader(null, true);

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static JsonNode json(String text) {
    return Json.parseOrNull(text);
  }

  private static String denyDescription(String deny) throws InvalidAnswerException {
    ApiAnswer answer = WHOLE_AT_TOP.read(utf8("{\"deny\":" + deny + "}"));
    assertThat(answer).isInstanceOf(ApiAnswer.Deny.class);
    return ((ApiAnswer.Deny) answer).description();
  }

  @Nested
  class InvalidAnswers {

    @ParameterizedTest
    @ValueSource(strings = {"not json", "{\"a\":", "<html></html>"})
    void nonJsonIsInvalid(String body) {
      assertThatThrownBy(() -> WHOLE_AT_TOP.read(utf8(body)))
          .isInstanceOf(InvalidAnswerException.class)
          .hasMessage("the answer is not JSON");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[1,2]", "\"claims\"", "42", "null", "true", "   "})
    void anythingButAnObjectAtTheTopIsInvalid(String body) {
      assertThatThrownBy(() -> WHOLE_AT_TOP.read(utf8(body)))
          .isInstanceOf(InvalidAnswerException.class)
          .hasMessage("the answer is not a JSON object");
    }

    @Test
    void anEmptyBodyIsInvalid() {
      assertThatThrownBy(() -> WHOLE_AT_TOP.read(new byte[0]))
          .isInstanceOf(InvalidAnswerException.class)
          .hasMessage("the answer is not a JSON object");
    }
  }

  @Nested
  class Denials {

    @Test
    void aDenyMemberRefusesWithItsDescription() throws Exception {
      assertThat(denyDescription("{\"error_description\":\"Account suspended\"}"))
          .isEqualTo("Account suspended");
    }

    @Test
    void aDenyWinsOverClaimsBesideIt() throws Exception {
      assertThat(WHOLE_AT_TOP.read(utf8("{\"plan\":\"gold\",\"deny\":{}}")))
          .isInstanceOf(ApiAnswer.Deny.class);
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "{}",
          "true",
          "null",
          "{\"error_description\":42}",
          "{\"error_description\":\" \"}"
        })
    void aDenyWithoutUsableDescriptionGetsTheDefaultText(String deny) throws Exception {
      assertThat(denyDescription(deny)).isEqualTo("Access denied.");
    }

    @Test
    void controlCharactersAreRemovedFromTheDescription() throws Exception {
      assertThat(denyDescription("{\"error_description\":\"\\u0007 line\\r\\nbreak\\u0000\\t\"}"))
          .isEqualTo("line  break")
          .doesNotContainPattern("\\p{Cntrl}");
    }

    @Test
    void aDescriptionOfOnlyControlCharactersGetsTheDefaultText() throws Exception {
      assertThat(denyDescription("{\"error_description\":\"\\u0000\\u0001\\u007f\"}"))
          .isEqualTo("Access denied.");
    }

    @Test
    void theDescriptionIsCappedAt256Characters() throws Exception {
      String description = denyDescription("{\"error_description\":\"" + "x".repeat(300) + "\"}");

      assertThat(description).hasSize(256).isEqualTo("x".repeat(256));
      assertThat(denyDescription("{\"error_description\":\"" + "y".repeat(256) + "\"}"))
          .hasSize(256);
    }
  }

  @Nested
  class Claims {

    @Test
    void theWholeObjectIsTheClaimsWithoutAResponsePath() throws Exception {
      assertThat(WHOLE_AT_TOP.read(utf8("{\"plan\":\"gold\",\"seats\":3}")))
          .isEqualTo(new ApiAnswer.Claims(json("{\"plan\":\"gold\",\"seats\":3}")));
    }

    @Test
    void aResponsePathNarrowsTheAnswer() throws Exception {
      AnswerReader reader = new AnswerReader(ClaimPath.parse("data.claims"), true);

      assertThat(reader.read(utf8("{\"data\":{\"claims\":{\"plan\":\"gold\"},\"other\":1}}")))
          .isEqualTo(new ApiAnswer.Claims(json("{\"plan\":\"gold\"}")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"data\":{}}", "{\"data\":{\"claims\":null}}", "{\"data\":[]}"})
    void aMissingPathGivesNoClaims(String body) throws Exception {
      AnswerReader reader = new AnswerReader(ClaimPath.parse("data.claims"), true);

      assertThat(reader.read(utf8(body))).isEqualTo(new ApiAnswer.Claims(null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"gold\"", "[\"a\",\"b\"]", "7"})
    void mergingAtTopLevelNeedsAnObject(String value) {
      AnswerReader reader = new AnswerReader(ClaimPath.parse("data.claims"), true);

      assertThatThrownBy(() -> reader.read(utf8("{\"data\":{\"claims\":" + value + "}}")))
          .isInstanceOf(InvalidAnswerException.class)
          .hasMessageStartingWith("the claims are not a JSON object");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"gold\"", "[\"a\",\"b\"]", "7", "{\"x\":1}"})
    void underAClaimNameAnyValueWillDo(String value) throws Exception {
      AnswerReader reader = new AnswerReader(ClaimPath.parse("data.claims"), false);

      assertThat(reader.read(utf8("{\"data\":{\"claims\":" + value + "}}")))
          .asInstanceOf(type(ApiAnswer.Claims.class))
          .extracting(ApiAnswer.Claims::value)
          .isEqualTo(json(value));
    }
  }
}

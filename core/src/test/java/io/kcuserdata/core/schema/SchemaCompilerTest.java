package io.kcuserdata.core.schema;

import static io.kcuserdata.core.json.JsonText.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SchemaCompilerTest {

  private static final SchemaCompiler COMPILER = new SchemaCompiler();

  private static final String PLAN =
      """
      {"type":"object",
       "properties":{
         "plan":{"enum":["free","pro"]},
         "seats":{"type":"integer","minimum":1},
         "email":{"type":"string","format":"email"},
         "address":{"$ref":"#/$defs/address"}},
       "required":["plan"],
       "$defs":{"address":{"type":"object","properties":{"city":{"type":"string"}}}}}
      """;

  private static List<SchemaViolation> check(String schema, String content) {
    return COMPILER.compile(schema).check("custom_data", json(content));
  }

  @Nested
  class Checking {

    @Test
    void aConformingNamespaceHasNoViolation() {
      assertThat(check(PLAN, "{\"plan\":\"pro\",\"seats\":3,\"address\":{\"city\":\"Oslo\"}}"))
          .isEmpty();
    }

    @Test
    void aViolationNamesTheNamespaceAndPointsAtTheValue() {
      List<SchemaViolation> violations = check(PLAN, "{\"plan\":\"gold\"}");

      assertThat(violations).hasSize(1);
      assertThat(violations.get(0).namespace()).isEqualTo("custom_data");
      assertThat(violations.get(0).pointer()).isEqualTo("/plan");
      assertThat(violations.get(0).message()).contains("enumeration").doesNotContain("/plan");
    }

    @Test
    void aMissingRequiredMemberPointsAtTheMember() {
      assertThat(check(PLAN, "{\"seats\":2}"))
          .extracting(SchemaViolation::pointer)
          .containsExactly("/plan");
    }

    @Test
    void nestedValuesAreCheckedThroughLocalReferences() {
      assertThat(check(PLAN, "{\"plan\":\"pro\",\"address\":{\"city\":7}}"))
          .extracting(SchemaViolation::pointer)
          .containsExactly("/address/city");
    }

    @Test
    void everyViolationIsReportedInPointerOrder() {
      assertThat(check(PLAN, "{\"plan\":\"gold\",\"seats\":0}"))
          .extracting(SchemaViolation::pointer)
          .containsExactly("/plan", "/seats");
    }

    @Test
    void formatsAreAssertedNotJustAnnotated() {
      assertThat(check(PLAN, "{\"plan\":\"pro\",\"email\":\"not an address\"}"))
          .extracting(SchemaViolation::pointer)
          .containsExactly("/email");
    }

    @Test
    void theMessageNeverQuotesTheValueWritten() {
      assertThat(check(PLAN, "{\"plan\":\"s3cr3t-value\"}"))
          .allSatisfy(v -> assertThat(v.message()).doesNotContain("s3cr3t-value"));
    }

    @Test
    void aBacktrackingPatternIsStoppedAndTheValueRefused() {
      // Exponential for the JDK's matcher: minutes, not milliseconds, without a budget.
      String schema = "{\"properties\":{\"name\":{\"pattern\":\"^(.*a){12}$\"}}}";
      String value = "{\"name\":\"" + "a".repeat(30) + "!\"}";

      long started = System.nanoTime();
      List<SchemaViolation> violations = check(schema, value);

      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
      assertThat(violations).hasSize(1);
      assertThat(violations.get(0).message()).contains("took too long");
    }
  }

  @Nested
  class Refusing {

    @ParameterizedTest
    @ValueSource(
        strings = {
          "{\"$ref\":\"https://example.com/schema.json\"}",
          "{\"properties\":{\"a\":{\"$ref\":\"other.json#/x\"}}}",
          "{\"$dynamicRef\":\"http://127.0.0.1/x\"}",
          "{\"allOf\":[{\"$ref\":\"file:///etc/passwd\"}]}",
          "{\"$ref\":\"classpath:draft/2020-12/schema\"}"
        })
    void aReferenceOutsideTheSchemaIsRefused(String schema) {
      assertThatThrownBy(() -> COMPILER.compile(schema))
          .isInstanceOf(InvalidSchemaException.class)
          .hasMessageContaining("only references within the schema");
    }

    @Test
    void anIdIsRefused() {
      assertThatThrownBy(() -> COMPILER.compile("{\"$id\":\"https://example.com/s\"}"))
          .isInstanceOf(InvalidSchemaException.class)
          .hasMessageContaining("$id");
    }

    @Test
    void anotherDraftIsRefused() {
      assertThatThrownBy(
              () -> COMPILER.compile("{\"$schema\":\"http://json-schema.org/draft-07/schema#\"}"))
          .isInstanceOf(InvalidSchemaException.class)
          .hasMessageContaining("2020-12");
    }

    @Test
    void draft202012MayBeNamed() {
      assertThat(
              COMPILER
                  .compile("{\"$schema\":\"https://json-schema.org/draft/2020-12/schema\"}")
                  .check("custom_data", json("{}")))
          .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "not json",
          "[]",
          "true",
          "{\"type\":\"strnig\"}",
          "{\"minimum\":\"ten\"}",
          "{\"required\":\"plan\"}",
          "{\"pattern\":\"[unclosed\"}"
        })
    void whatIsNoValidSchemaIsRefused(String schema) {
      assertThatThrownBy(() -> COMPILER.compile(schema)).isInstanceOf(InvalidSchemaException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"\\u0000\":1}", "{\"\\ud800\":1}", "{\"title\":\"a\\u0000b\"}"})
    void textNoDatabaseCanStoreIsRefused(String schema) {
      assertThatThrownBy(() -> COMPILER.compile(schema))
          .isInstanceOf(InvalidSchemaException.class)
          .satisfies(
              e -> assertThat(e.getMessage()).containsAnyOf("cannot be stored", "not a character"));
    }

    @Test
    void aSchemaLargerThanTheLimitIsRefused() {
      String big = "{\"description\":\"" + "x".repeat(SchemaCompiler.MAX_BYTES) + "\"}";

      assertThatThrownBy(() -> COMPILER.compile(big)).hasMessageContaining("larger than");
    }

    @Test
    void aSchemaDeeperThanTheLimitIsRefused() {
      String deep =
          "{\"items\":".repeat(SchemaCompiler.MAX_DEPTH + 1)
              + "{}"
              + "}".repeat(SchemaCompiler.MAX_DEPTH + 1);

      assertThatThrownBy(() -> COMPILER.compile(deep)).hasMessageContaining("deeper than");
    }

    @Test
    void aDataKeywordMayHoldAnythingNamedRef() {
      assertThat(COMPILER.compile("{\"const\":{\"$ref\":\"https://example.com\"}}")).isNotNull();
    }

    @Test
    void aReferenceToItselfWithoutEndIsRefused() {
      assertThatThrownBy(() -> COMPILER.compile("{\"$ref\":\"#\"}"))
          .isInstanceOf(InvalidSchemaException.class)
          .hasMessageContaining("without end");
    }

    @Test
    void aRecursiveSchemaThatEndsWithTheValueIsAccepted() {
      NamespaceSchema tree =
          COMPILER.compile(
              "{\"type\":\"object\",\"properties\":{\"child\":{\"$ref\":\"#\"},"
                  + "\"n\":{\"type\":\"integer\"}}}");

      assertThat(tree.check("custom_data", json("{\"child\":{\"child\":{\"n\":\"x\"}}}")))
          .extracting(SchemaViolation::pointer)
          .containsExactly("/child/child/n");
    }
  }
}

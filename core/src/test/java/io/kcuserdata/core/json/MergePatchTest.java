package io.kcuserdata.core.json;

import static io.kcuserdata.core.json.JsonText.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MergePatchTest {

  private static JsonNode applied(String target, String patch) {
    JsonNode result = MergePatch.apply(json(target), json(patch));
    return result == null ? Json.NODES.nullNode() : result;
  }

  @Nested
  class Rfc7396 {

    static Stream<Arguments> appendixA() {
      return Stream.of(
          arguments("{'a':'b'}", "{'a':'c'}", "{'a':'c'}"),
          arguments("{'a':'b'}", "{'b':'c'}", "{'a':'b','b':'c'}"),
          arguments("{'a':'b'}", "{'a':null}", "{}"),
          arguments("{'a':'b','b':'c'}", "{'a':null}", "{'b':'c'}"),
          arguments("{'a':['b']}", "{'a':'c'}", "{'a':'c'}"),
          arguments("{'a':'c'}", "{'a':['b']}", "{'a':['b']}"),
          arguments("{'a':{'b':'c'}}", "{'a':{'b':'d','c':null}}", "{'a':{'b':'d'}}"),
          arguments("{'a':[{'b':'c'}]}", "{'a':[1]}", "{'a':[1]}"),
          arguments("['a','b']", "['c','d']", "['c','d']"),
          arguments("{'a':'b'}", "['c']", "['c']"),
          arguments("{'a':'foo'}", "null", "null"),
          arguments("{'a':'foo'}", "'bar'", "'bar'"),
          arguments("{'e':null}", "{'a':1}", "{'e':null,'a':1}"),
          arguments("[1,2]", "{'a':'b','c':null}", "{'a':'b'}"),
          arguments("{}", "{'a':{'bb':{'ccc':null}}}", "{'a':{'bb':{}}}"));
    }

    @ParameterizedTest(name = "{0} + {1} = {2}")
    @MethodSource("appendixA")
    void everyTestVectorOfAppendixAHolds(String original, String patch, String result) {
      assertThat(applied(original, patch)).isEqualTo(json(result));
    }

    @Test
    void theExampleOfSectionThreeHolds() {
      String target =
          """
          {"title": "Goodbye!",
           "author": {"givenName": "John", "familyName": "Doe"},
           "tags": ["example", "sample"],
           "content": "This will be unchanged"}
          """;
      String patch =
          """
          {"title": "Hello!",
           "phoneNumber": "+01-123-456-7890",
           "author": {"familyName": null},
           "tags": ["example"]}
          """;
      String result =
          """
          {"title": "Hello!",
           "author": {"givenName": "John"},
           "tags": ["example"],
           "content": "This will be unchanged",
           "phoneNumber": "+01-123-456-7890"}
          """;

      assertThat(applied(target, patch)).isEqualTo(json(result));
    }
  }

  @Nested
  class NullPatches {

    @Test
    void aJsonNullPatchAnswersJavaNull() {
      assertThat(MergePatch.apply(json("{'a':1}"), Json.NODES.nullNode())).isNull();
    }

    @Test
    void noPatchAtAllAnswersJavaNull() {
      assertThat(MergePatch.apply(json("{'a':1}"), null)).isNull();
    }
  }

  @Nested
  class Targets {

    @Test
    void withoutATargetAnObjectPatchBuildsANewDocumentWithoutItsNulls() {
      assertThat(MergePatch.apply(null, json("{'a':1,'b':null,'c':{'d':null}}")))
          .isEqualTo(json("{'a':1,'c':{}}"));
    }

    @Test
    void nullRemovesAMember() {
      assertThat(applied("{'a':1,'b':2}", "{'b':null}")).isEqualTo(json("{'a':1}"));
    }

    @Test
    void removingAMissingMemberChangesNothing() {
      assertThat(applied("{'a':1}", "{'z':null}")).isEqualTo(json("{'a':1}"));
    }

    @Test
    void anEmptyPatchKeepsTheTarget() {
      assertThat(applied("{'a':{'b':[1,2]}}", "{}")).isEqualTo(json("{'a':{'b':[1,2]}}"));
    }

    @Test
    void anArrayIsReplacedWholeNeverMerged() {
      assertThat(applied("{'a':[1,2,3]}", "{'a':[4]}")).isEqualTo(json("{'a':[4]}"));
    }
  }

  @Nested
  class Immutability {

    @Test
    void theInputsAreNotMutated() {
      JsonNode target = json("{'a':{'b':'c','x':[1]},'d':1}");
      JsonNode patch = json("{'a':{'b':null,'e':{'f':null}},'d':[2],'g':null}");
      JsonNode targetBefore = target.deepCopy();
      JsonNode patchBefore = patch.deepCopy();

      MergePatch.apply(target, patch);

      assertThat(target).isEqualTo(targetBefore);
      assertThat(patch).isEqualTo(patchBefore);
    }

    @Test
    void theResultSharesNoNodeWithTheInputs() {
      JsonNode target = json("{'kept':{'x':1}}");
      JsonNode patch = json("{'added':{'y':[1]},'list':[{'z':1}]}");
      JsonNode targetBefore = target.deepCopy();
      JsonNode patchBefore = patch.deepCopy();

      ObjectNode result = (ObjectNode) MergePatch.apply(target, patch);
      ((ObjectNode) result.get("kept")).put("x", 2);
      ((ObjectNode) result.get("added")).putArray("y").add(9);
      ((ObjectNode) result.get("list").get(0)).put("z", 9);

      assertThat(target).isEqualTo(targetBefore);
      assertThat(patch).isEqualTo(patchBefore);
    }

    @Test
    void aNonObjectPatchIsCopied() {
      JsonNode patch = json("[1,{'a':1}]");

      JsonNode result = MergePatch.apply(json("{}"), patch);
      ((ObjectNode) result.get(1)).put("a", 2);

      assertThat(patch).isEqualTo(json("[1,{'a':1}]"));
    }
  }
}

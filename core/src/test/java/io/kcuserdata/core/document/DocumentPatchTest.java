package io.kcuserdata.core.document;

import static io.kcuserdata.core.json.JsonText.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import com.fasterxml.jackson.databind.JsonNode;
import io.kcuserdata.core.error.InvalidUserDataException;
import io.kcuserdata.core.namespace.Namespace;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DocumentPatchTest {

  private static final Set<Namespace> PRESENT =
      Set.of(
          Namespace.CUSTOM_DATA,
          Namespace.idp("google"),
          Namespace.idp("github"),
          Namespace.org("acme"));

  private static Map<Namespace, JsonNode> split(String patch) {
    return DocumentPatch.split(json(patch), PRESENT);
  }

  private static void refusedAt(String patch, String where) {
    assertThatThrownBy(() -> split(patch))
        .isInstanceOfSatisfying(
            InvalidUserDataException.class, e -> assertThat(e.where()).isEqualTo(where));
  }

  @Nested
  class Splitting {

    @Test
    void eachUnscopedNamespaceGetsItsOwnPatch() {
      assertThat(split("{'profile':{'nickname':'ada'},'custom_data':{'plan':null}}"))
          .containsOnly(
              entry(Namespace.PROFILE, json("{'nickname':'ada'}")),
              entry(Namespace.CUSTOM_DATA, json("{'plan':null}")));
    }

    @Test
    void eachAliasOfAScopedNamespaceGetsItsOwnPatch() {
      assertThat(split("{'idp':{'google':{'sub':'1'}},'org':{'acme':{'d':1},'globex':{}}}"))
          .containsOnly(
              entry(Namespace.idp("google"), json("{'sub':'1'}")),
              entry(Namespace.org("acme"), json("{'d':1}")),
              entry(Namespace.org("globex"), json("{}")));
    }

    @Test
    void nullForANamespaceEmptiesIt() {
      assertThat(split("{'app_metadata':null,'org':{'acme':null}}"))
          .containsOnly(entry(Namespace.APP_METADATA, null), entry(Namespace.org("acme"), null));
    }

    @Test
    void nullForAScopedKindEmptiesEachOfItsPresentNamespaces() {
      assertThat(split("{'idp':null}"))
          .containsOnly(entry(Namespace.idp("google"), null), entry(Namespace.idp("github"), null));
    }

    @Test
    void nullForAScopedKindWithNothingPresentIsNoPart() {
      assertThat(DocumentPatch.split(json("{'org':null}"), Set.of(Namespace.idp("google"))))
          .isEmpty();
    }

    @Test
    void anEmptyPatchHasNoParts() {
      assertThat(split("{}")).isEmpty();
      assertThat(split("{'idp':{}}")).isEmpty();
    }

    @Test
    void partsComeInNamespaceOrder() {
      assertThat(split("{'status':{},'org':{'b':{},'a':{}},'profile':{}}").keySet())
          .extracting(Namespace::name)
          .containsExactly("profile", "org.a", "org.b", "status");
    }
  }

  @Nested
  class Refusals {

    @ParameterizedTest
    @ValueSource(strings = {"[]", "'text'", "42", "null", "true"})
    void aDocumentPatchIsAnObject(String patch) {
      refusedAt(patch, "(document)");
    }

    @Test
    void noBodyAtAllIsRefused() {
      assertThatThrownBy(() -> DocumentPatch.split(null, PRESENT))
          .isInstanceOf(InvalidUserDataException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"unknown", "Profile", "idp.google", "custom_data.plan", "_json"})
    void anUnknownNamespaceIsRefusedNamingIt(String name) {
      refusedAt("{'profile':{},'" + name + "':{}}", name);
    }

    @ParameterizedTest
    @CsvSource(
        delimiter = '|',
        quoteCharacter = '"',
        textBlock =
            """
            {'custom_data':'pro'}          | custom_data
            {'profile':[]}                 | profile
            {'status':1}                   | status
            {'idp':{'google':'x'}}         | idp.google
            {'org':{'acme':[1]}}           | org.acme
            """)
    void aNamespaceIsAnObjectOrNull(String patch, String where) {
      refusedAt(patch, where);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{'idp':'google'}", "{'idp':['google']}", "{'idp':true}"})
    void aScopedKindIsAnObjectOfAliasesOrNull(String patch) {
      refusedAt(patch, "idp");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a.b", "", "_x", "a b"})
    void aMalformedAliasIsRefused(String alias) {
      refusedAt("{'org':{'" + alias + "':{}}}", "org." + alias);
    }
  }
}

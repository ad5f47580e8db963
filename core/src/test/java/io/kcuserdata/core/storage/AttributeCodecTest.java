package io.kcuserdata.core.storage;

import static io.kcuserdata.core.json.JsonText.object;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kcuserdata.core.json.Json;
import io.kcuserdata.core.namespace.Namespace;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AttributeCodecTest {

  @Nested
  class Encoding {

    @Test
    void aStringIsStoredRawWithoutAMarker() {
      assertThat(AttributeCodec.encode(Namespace.CUSTOM_DATA, object("{'plan':'pro'}")))
          .containsExactly(entry("custom_data.plan", List.of("pro")));
    }

    @Test
    void theString42AndTheNumber42DifferOnlyByTheMarker() {
      assertThat(AttributeCodec.encode(Namespace.CUSTOM_DATA, object("{'s':'42','n':42}")))
          .containsOnly(
              entry("custom_data.s", List.of("42")),
              entry("custom_data.n", List.of("42")),
              entry("custom_data._json", List.of("n")));
    }

    @Test
    void otherValuesAreStoredAsCompactJsonAndListedInTheMarkerInOrder() {
      assertThat(
              AttributeCodec.encode(
                  Namespace.APP_METADATA,
                  object("{'z':true,'o':{'a': [1, 2]},'a':[ 'x' ],'d':1.5}")))
          .containsOnly(
              entry("app_metadata.z", List.of("true")),
              entry("app_metadata.o", List.of("{\"a\":[1,2]}")),
              entry("app_metadata.a", List.of("[\"x\"]")),
              entry("app_metadata.d", List.of("1.5")),
              entry("app_metadata._json", List.of("a", "d", "o", "z")));
    }

    @Test
    void nullMembersAreNotStored() {
      assertThat(AttributeCodec.encode(Namespace.CUSTOM_DATA, object("{'gone':null,'k':'v'}")))
          .containsOnlyKeys("custom_data.k");
    }

    @Test
    void scopedNamespacesPrefixKindAndAlias() {
      assertThat(AttributeCodec.encode(Namespace.idp("google"), object("{'sub':'1','age':3}")))
          .containsOnlyKeys("idp.google.sub", "idp.google.age", "idp.google._json");
      assertThat(AttributeCodec.marker(Namespace.org("acme"))).isEqualTo("org.acme._json");
    }

    @Test
    void anEmptyNamespaceIsNoAttributes() {
      assertThat(AttributeCodec.encode(Namespace.PROFILE, Json.object())).isEmpty();
    }
  }

  @Nested
  class Decoding {

    @Test
    void everyTypeRoundTrips() {
      ObjectNode content =
          object(
              "{'s':'42','n':42,'t':true,'f':false,'d':-0.25,'o':{'a':{'b':[1,'x',null]}},"
                  + "'a':[1,[2]],'e':'','j':'{\\'a\\':1}','big':12345678901234567890}");

      Map<Namespace, ObjectNode> decoded =
          AttributeCodec.decodeAll(AttributeCodec.encode(Namespace.CUSTOM_DATA, content));

      assertThat(decoded).containsOnlyKeys(Namespace.CUSTOM_DATA);
      assertThat(decoded.get(Namespace.CUSTOM_DATA)).isEqualTo(content);
      assertThat(decoded.get(Namespace.CUSTOM_DATA).get("s").isTextual()).isTrue();
      assertThat(decoded.get(Namespace.CUSTOM_DATA).get("n").isNumber()).isTrue();
      assertThat(decoded.get(Namespace.CUSTOM_DATA).get("j").isTextual()).isTrue();
    }

    @Test
    void anUnmarkedValueThatLooksLikeJsonStaysAString() {
      Map<String, List<String>> attributes =
          Map.of("custom_data.n", List.of("42"), "custom_data.b", List.of("true"));

      assertThat(AttributeCodec.decodeAll(attributes))
          .containsExactly(entry(Namespace.CUSTOM_DATA, object("{'b':'true','n':'42'}")));
    }

    @Test
    void attributesThatAreNotNamespacedDataAreIgnored() {
      Map<String, List<String>> attributes =
          Map.of(
              "email", List.of("a@b.c"),
              "firstName", List.of("Ada"),
              "custom_data", List.of("x"),
              "unknown.k", List.of("x"),
              "custom_data.1bad", List.of("x"),
              "idp.google", List.of("x"),
              "idp.bad alias.k", List.of("x"),
              "custom_data._json", List.of("plan"),
              "custom_data.plan", List.of("pro"));

      assertThat(AttributeCodec.decodeAll(attributes))
          .containsExactly(entry(Namespace.CUSTOM_DATA, object("{'plan':'pro'}")));
    }

    @Test
    void aMarkerWithoutDataIsNoNamespace() {
      assertThat(AttributeCodec.decodeAll(Map.of("custom_data._json", List.of("x")))).isEmpty();
    }

    @Test
    void aMultiValuedAttributeReadsAsAnArrayOfStrings() {
      Map<String, List<String>> attributes =
          Map.of(
              "custom_data.groups", List.of("1", "b"),
              "custom_data.marked", List.of("1", "[2]"),
              "custom_data._json", List.of("marked"));

      assertThat(AttributeCodec.decodeAll(attributes).get(Namespace.CUSTOM_DATA))
          .isEqualTo(object("{'groups':['1','b'],'marked':['1','[2]']}"));
    }

    @Test
    void anAttributeWithoutValuesIsNoKey() {
      Map<String, List<String>> attributes =
          Map.of("custom_data.empty", List.of(), "custom_data.k", List.of("v"));

      assertThat(AttributeCodec.decodeAll(attributes).get(Namespace.CUSTOM_DATA))
          .isEqualTo(object("{'k':'v'}"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"not json", "{", "", " ", "42 apples"})
    void aMarkedValueThatIsNotJsonReadsAsTheRawString(String value) {
      Map<String, List<String>> attributes =
          Map.of("custom_data.k", List.of(value), "custom_data._json", List.of("k"));

      assertThat(AttributeCodec.decodeAll(attributes).get(Namespace.CUSTOM_DATA))
          .isEqualTo(Json.object().put("k", value));
    }

    @Test
    void namespacesAndKeysComeOutSorted() {
      Map<String, List<String>> attributes =
          Map.of(
              "status.b", List.of("x"),
              "org.z.k", List.of("x"),
              "org.a.k", List.of("x"),
              "profile.nickname", List.of("x"),
              "idp.google.k", List.of("x"),
              "custom_data.b", List.of("x"),
              "custom_data.a", List.of("x"));

      Map<Namespace, ObjectNode> decoded = AttributeCodec.decodeAll(attributes);

      assertThat(decoded.keySet())
          .extracting(Namespace::name)
          .containsExactly("profile", "custom_data", "idp.google", "org.a", "org.z", "status");
      assertThat(decoded.get(Namespace.CUSTOM_DATA).fieldNames())
          .toIterable()
          .containsExactly("a", "b");
    }

    @Test
    void eachNamespaceReadsItsOwnMarker() {
      Map<String, List<String>> attributes =
          Map.of(
              "org.acme.n", List.of("7"),
              "org.acme._json", List.of("n"),
              "org.globex.n", List.of("7"));

      Map<Namespace, ObjectNode> decoded = AttributeCodec.decodeAll(attributes);

      assertThat(decoded.get(Namespace.org("acme"))).isEqualTo(object("{'n':7}"));
      assertThat(decoded.get(Namespace.org("globex"))).isEqualTo(object("{'n':'7'}"));
    }
  }
}

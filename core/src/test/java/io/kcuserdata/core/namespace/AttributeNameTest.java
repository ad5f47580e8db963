package io.kcuserdata.core.namespace;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AttributeNameTest {

  @Nested
  class KeyRule {

    @ParameterizedTest
    @ValueSource(strings = {"a", "Z", "plan", "company_size", "e-mail", "a1", "x_-_9"})
    void keysStartWithALetterThenLettersDigitsUnderscoresOrHyphens(String key) {
      assertThat(AttributeName.KEY.matcher(key).matches()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1a", "_json", "-a", "a.b", "a b", "é", "a$"})
    void otherKeysAreRefused(String key) {
      assertThat(AttributeName.KEY.matcher(key).matches()).isFalse();
    }

    @Test
    void aKeyHoldsAtMostSixtyFourCharacters() {
      assertThat(AttributeName.KEY.matcher("k".repeat(64)).matches()).isTrue();
      assertThat(AttributeName.KEY.matcher("k".repeat(65)).matches()).isFalse();
    }
  }

  @Nested
  class Value {

    @Test
    void anUnscopedAttributeIsNamespaceDotKey() {
      assertThat(new AttributeName(Namespace.CUSTOM_DATA, "plan").value())
          .isEqualTo("custom_data.plan");
    }

    @Test
    void aScopedAttributeIsKindDotAliasDotKey() {
      assertThat(new AttributeName(Namespace.idp("google"), "sub").value())
          .isEqualTo("idp.google.sub");
      assertThat(new AttributeName(Namespace.org("acme"), "department").value())
          .isEqualTo("org.acme.department");
    }
  }

  @Nested
  class Parsing {

    @ParameterizedTest
    @ValueSource(
        strings = {
          "profile.nickname",
          "user_metadata.theme",
          "custom_data.plan",
          "app_metadata.terms-accepted",
          "status.login_count",
          "idp.google.sub",
          "idp.9-lives_x.k",
          "org.acme.cost_center"
        })
    void parsingGivesBackTheNameItCameFrom(String attribute) {
      assertThat(AttributeName.parse(attribute))
          .hasValueSatisfying(name -> assertThat(name.value()).isEqualTo(attribute));
    }

    @Test
    void parsingSplitsNamespaceAndKey() {
      assertThat(AttributeName.parse("org.acme.department"))
          .contains(new AttributeName(Namespace.org("acme"), "department"));
      assertThat(AttributeName.parse("custom_data.plan"))
          .contains(new AttributeName(Namespace.CUSTOM_DATA, "plan"));
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "email",
          "firstName",
          "custom_data",
          "custom_data.",
          ".plan",
          "unknown.plan",
          "custom_data._json",
          "idp.google._json",
          "custom_data.1plan",
          "custom_data.a.b",
          "idp.google",
          "idp..sub",
          "idp._x.sub",
          "org.acme.",
          "status.",
          "Custom_data.plan"
        })
    void attributesThatAreNotNamespacedDataParseToNothing(String attribute) {
      assertThat(AttributeName.parse(attribute)).isEmpty();
    }

    @Test
    void aKeyOfSixtyFiveCharactersIsNotNamespacedData() {
      assertThat(AttributeName.parse("custom_data." + "k".repeat(64))).isPresent();
      assertThat(AttributeName.parse("custom_data." + "k".repeat(65))).isEmpty();
    }
  }
}

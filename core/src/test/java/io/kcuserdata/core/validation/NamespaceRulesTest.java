package io.kcuserdata.core.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kcuserdata.core.error.InvalidUserDataException;
import io.kcuserdata.core.json.Json;
import io.kcuserdata.core.namespace.AttributeName;
import io.kcuserdata.core.namespace.Namespace;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NamespaceRulesTest {

  private final NamespaceRules rules = new NamespaceRules(Limits.DEFAULTS);

  private static ObjectNode with(String key, JsonNode value) {
    ObjectNode content = Json.object();
    content.set(key, value);
    return content;
  }

  private static ObjectNode with(String key, String value) {
    return with(key, Json.NODES.textNode(value));
  }

  /** {@code levels} containers around a scalar, objects and arrays in turn. */
  private static JsonNode nested(int levels) {
    JsonNode value = Json.NODES.numberNode(1);
    for (int i = 0; i < levels; i++) {
      value = i % 2 == 0 ? Json.NODES.arrayNode().add(value) : with("n", value);
    }
    return value;
  }

  private void accepted(NamespaceRules rules, Namespace namespace, JsonNode content) {
    assertThatCode(() -> rules.check(namespace, content)).doesNotThrowAnyException();
  }

  private void refusedAt(
      NamespaceRules rules, Namespace namespace, JsonNode content, String where) {
    assertThatThrownBy(() -> rules.check(namespace, content))
        .isInstanceOfSatisfying(
            InvalidUserDataException.class, e -> assertThat(e.where()).isEqualTo(where));
  }

  @Nested
  class Keys {

    @ParameterizedTest
    @ValueSource(strings = {"a", "plan", "company-size", "company_size", "A1", "x-_-9"})
    void validKeysAreAccepted(String key) {
      accepted(rules, Namespace.CUSTOM_DATA, with(key, "v"));
    }

    @Test
    void aKeyOfSixtyFourCharactersIsAccepted() {
      accepted(rules, Namespace.CUSTOM_DATA, with("k".repeat(64), "v"));
    }

    @Test
    void aKeyOfSixtyFiveCharactersIsRefusedNamingIt() {
      String key = "k".repeat(65);
      refusedAt(rules, Namespace.CUSTOM_DATA, with(key, "v"), "custom_data." + key);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1plan", "_plan", "_json", "-plan", "", "a.b", "a b", "plän"})
    void aKeyNotStartingWithALetterOrHoldingOtherCharactersIsRefused(String key) {
      refusedAt(rules, Namespace.CUSTOM_DATA, with(key, "v"), "custom_data." + key);
    }

    @Test
    void scopedNamespacesNameTheKeyUnderTheirAlias() {
      refusedAt(rules, Namespace.org("acme"), with("9", "v"), "org.acme.9");
    }

    @Test
    void theBrokenRuleIsStated() {
      assertThatThrownBy(() -> rules.check(Namespace.CUSTOM_DATA, with("1x", "v")))
          .isInstanceOfSatisfying(
              InvalidUserDataException.class,
              e -> assertThat(e.rule()).contains(AttributeName.KEY.pattern()));
    }
  }

  @Nested
  class ProfileKeys {

    @ParameterizedTest
    @CsvSource({
      "middle_name, Ada",
      "nickname, ally",
      "profile, https://example.com/ada",
      "website, https://ada.example",
      "picture, https://cdn.example/ada.png",
      "gender, female",
      "birthdate, 1990-04-23",
      "zoneinfo, Europe/Paris",
      "locale, en-US",
      "address, 1 Main St"
    })
    void theOidcStandardProfileClaimsAreAccepted(String key, String value) {
      accepted(rules, Namespace.PROFILE, with(key, value));
    }

    @ParameterizedTest
    @ValueSource(strings = {"name", "given_name", "family_name", "email", "phone_number", "plan"})
    void anyOtherKeyIsRefusedInProfile(String key) {
      refusedAt(rules, Namespace.PROFILE, with(key, "v"), "profile." + key);
    }

    @Test
    void theListIsExactlyTheOneOfTheDesign() {
      assertThat(NamespaceRules.PROFILE_KEYS)
          .containsExactlyInAnyOrder(
              "middle_name",
              "nickname",
              "profile",
              "website",
              "picture",
              "gender",
              "birthdate",
              "zoneinfo",
              "locale",
              "address");
    }

    @Test
    void otherNamespacesTakeAnyValidKey() {
      accepted(rules, Namespace.USER_METADATA, with("given_name", "v"));
    }
  }

  @Nested
  class Depth {

    @Test
    void theNamespaceObjectCountsAsTheFirstLevel() {
      NamespaceRules three = new NamespaceRules(new Limits(3, 256));
      JsonNode depthThree = with("a", with("b", Json.NODES.arrayNode().add(1)));

      accepted(three, Namespace.CUSTOM_DATA, depthThree);
      refusedAt(
          new NamespaceRules(new Limits(2, 256)),
          Namespace.CUSTOM_DATA,
          depthThree,
          "custom_data.a");
    }

    @Test
    void scalarsAloneAreOneLevel() {
      accepted(new NamespaceRules(new Limits(1, 256)), Namespace.CUSTOM_DATA, with("a", "v"));
    }

    @Test
    void anEmptyContainerIsALevel() {
      refusedAt(
          new NamespaceRules(new Limits(1, 256)),
          Namespace.CUSTOM_DATA,
          with("a", Json.object()),
          "custom_data.a");
    }

    @Test
    void exactlyEightLevelsAreAccepted() {
      accepted(rules, Namespace.CUSTOM_DATA, with("deep", nested(7)));
    }

    @Test
    void nineLevelsAreRefusedNamingTheKey() {
      ObjectNode content = with("shallow", "v");
      content.set("deep", nested(8));

      refusedAt(rules, Namespace.CUSTOM_DATA, content, "custom_data.deep");
    }
  }

  @Nested
  class TextThatCannotBeStored {

    @Test
    void theCharacterU0000IsRefusedNamingTheKeyWhereverItIs() {
      refusedAt(rules, Namespace.CUSTOM_DATA, with("plan", "pro\u0000"), "custom_data.plan");
      refusedAt(
          rules,
          Namespace.CUSTOM_DATA,
          with("team", Json.NODES.arrayNode().add(with("name", "a\u0000b"))),
          "custom_data.team");
      refusedAt(
          rules, Namespace.CUSTOM_DATA, with("team", with("na\u0000me", "x")), "custom_data.team");
    }

    @Test
    void aLoneSurrogateIsRefusedAndSaysWhichOne() {
      assertThatThrownBy(() -> rules.check(Namespace.USER_METADATA, with("note", "x\uD800y")))
          .isInstanceOf(InvalidUserDataException.class)
          .hasMessageContaining("U+D800");
      refusedAt(rules, Namespace.USER_METADATA, with("note", "\uDC00"), "user_metadata.note");
    }

    @Test
    void charactersOutsideTheBasicPlaneAreAccepted() {
      accepted(rules, Namespace.USER_METADATA, with("mood", "\uD83D\uDE00 ok"));
    }
  }

  @Nested
  class Size {

    private final NamespaceRules small = new NamespaceRules(new Limits(8, 256));

    @Test
    void exactlyTheLimitInCompactJsonIsAccepted() {
      ObjectNode content = with("k", "x".repeat(256 - "{\"k\":\"\"}".length()));

      assertThat(Json.compactBytes(content)).isEqualTo(256);
      accepted(small, Namespace.CUSTOM_DATA, content);
    }

    @Test
    void oneByteOverTheLimitIsRefusedNamingTheNamespace() {
      ObjectNode content = with("k", "x".repeat(257 - "{\"k\":\"\"}".length()));

      refusedAt(small, Namespace.CUSTOM_DATA, content, "custom_data");
    }

    @Test
    void multiByteCharactersCountAsTheirUtf8Bytes() {
      ObjectNode atLimit = with("k", "é".repeat(124));
      ObjectNode oneOver = with("k", "é".repeat(124) + "x");

      assertThat(Json.compact(oneOver)).hasSizeLessThan(256);
      accepted(small, Namespace.CUSTOM_DATA, atLimit);
      refusedAt(small, Namespace.CUSTOM_DATA, oneOver, "custom_data");
    }

    @Test
    void theDefaultLimitIsSixteenKibibytes() {
      String prefix = "{\"k\":\"\"}";
      String fourByteCharacter = "\uD83D\uDE00";
      ObjectNode atLimit = with("k", fourByteCharacter.repeat((16384 - prefix.length()) / 4));
      ObjectNode oneOver = with("k", fourByteCharacter.repeat((16384 - prefix.length()) / 4) + "x");

      accepted(rules, Namespace.USER_METADATA, atLimit);
      refusedAt(rules, Namespace.USER_METADATA, oneOver, "user_metadata");
    }
  }

  @Nested
  class ProfileClaimFormats {

    @Test
    void aWebsiteThatIsNotAUrlIsRefusedWithKeycloaksUriMessage() {
      assertThatThrownBy(() -> rules.check(Namespace.PROFILE, with("website", "not a url")))
          .isInstanceOfSatisfying(
              InvalidUserDataException.class,
              e -> {
                assertThat(e.where()).isEqualTo("profile.website");
                assertThat(e.rule()).startsWith("Invalid URL.");
                assertThat(e.messageKey()).contains("error-invalid-uri");
              });
    }

    @ParameterizedTest
    @CsvSource({"picture, javascript:alert(1)", "profile, /me", "birthdate, 1990-02-30"})
    void everyClaimWithAFormatIsHeldToIt(String key, String value) {
      refusedAt(rules, Namespace.PROFILE, with(key, value), "profile." + key);
    }

    @Test
    void claimsWithoutAFormatTakeAnyText() {
      accepted(rules, Namespace.PROFILE, with("gender", "not a url"));
    }

    @Test
    void theSameKeysInOtherNamespacesAreNotHeldToIt() {
      accepted(rules, Namespace.USER_METADATA, with("website", "not a url"));
      accepted(rules, Namespace.CUSTOM_DATA, with("birthdate", "soon"));
    }

    @Test
    void aValueThatIsNotAStringIsRefused() {
      refusedAt(
          rules, Namespace.PROFILE, with("zoneinfo", Json.NODES.numberNode(1)), "profile.zoneinfo");
    }

    @Test
    void aValueStoredAlreadyIsNotRefusedAgainSoOtherKeysStayWritable() {
      ObjectNode stored = with("website", "not a url");
      ObjectNode next = stored.deepCopy().put("nickname", "ally");

      assertThatCode(() -> rules.check(Namespace.PROFILE, next, stored)).doesNotThrowAnyException();
    }

    @Test
    void aChangedValueIsCheckedEvenWhenTheOldOneWasBad() {
      ObjectNode stored = with("website", "not a url");

      assertThatThrownBy(
              () -> rules.check(Namespace.PROFILE, with("website", "still not a url"), stored))
          .isInstanceOf(InvalidUserDataException.class);
    }
  }

  @Nested
  class Shape {

    @ParameterizedTest
    @ValueSource(strings = {"[]", "\"text\"", "42", "null"})
    void aNamespaceIsAJsonObject(String text) throws Exception {
      refusedAt(rules, Namespace.CUSTOM_DATA, Json.MAPPER.readTree(text), "custom_data");
    }

    @Test
    void noContentAtAllIsRefused() {
      refusedAt(rules, Namespace.org("acme"), null, "org.acme");
    }

    @Test
    void anEmptyNamespaceIsAccepted() {
      accepted(rules, Namespace.PROFILE, Json.object());
    }
  }
}

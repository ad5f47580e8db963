package io.kcuserdata.themes.progressive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProgressiveProfileSettingsTest {

  private static ProgressiveProfileSettings parse(String key, String value) {
    Map<String, String> config = new HashMap<>();
    config.put(key, value);
    return ProgressiveProfileSettings.parse(config);
  }

  private static ProgressiveProfileSettings attributes(String value) {
    return parse(ProgressiveProfileSettings.ATTRIBUTES, value);
  }

  @Nested
  class Defaults {

    @Test
    void aMissingConfigMeansDefaultsAndNothingToCollect() {
      ProgressiveProfileSettings settings = ProgressiveProfileSettings.parse(null);

      assertThat(settings.attributes()).isEmpty();
      assertThat(settings.active()).isFalse();
      assertThat(settings.maxPerPrompt()).isEqualTo(2);
      assertThat(settings.skippable()).isTrue();
      assertThat(settings.signInsBetweenPrompts()).isEqualTo(2);
    }

    @Test
    void anEmptyConfigMeansTheSameDefaults() {
      assertThat(ProgressiveProfileSettings.parse(Map.of()))
          .isEqualTo(ProgressiveProfileSettings.parse(null));
    }

    @Test
    void blankValuesFallBackToTheDefaults() {
      ProgressiveProfileSettings settings =
          ProgressiveProfileSettings.parse(
              Map.of(
                  ProgressiveProfileSettings.ATTRIBUTES, " ",
                  ProgressiveProfileSettings.MAX_PER_PROMPT, "",
                  ProgressiveProfileSettings.SKIPPABLE, "  ",
                  ProgressiveProfileSettings.SIGN_INS_BETWEEN_PROMPTS, ""));

      assertThat(settings).isEqualTo(ProgressiveProfileSettings.parse(null));
    }
  }

  @Nested
  class Attributes {

    @Test
    void areReadInTheConfiguredOrderFromKeycloaksMultivaluedForm() {
      ProgressiveProfileSettings settings =
          attributes("phone##profile.nickname##user_metadata.language");

      assertThat(settings.attributes())
          .extracting(CollectedAttribute::name)
          .containsExactly("phone", "profile.nickname", "user_metadata.language");
      assertThat(settings.active()).isTrue();
    }

    @Test
    void skipEmptyEntriesAndTrimEachName() {
      assertThat(attributes("##  phone ####company##").attributes())
          .extracting(CollectedAttribute::name)
          .containsExactly("phone", "company");
    }

    @ParameterizedTest
    @ValueSource(strings = {"username", "email"})
    void refuseKeycloaksOwnAccountFields(String field) {
      assertThatThrownBy(() -> attributes("phone##" + field))
          .isInstanceOfSatisfying(
              InvalidSettingException.class,
              e -> assertThat(e.setting()).isEqualTo(ProgressiveProfileSettings.ATTRIBUTES))
          .hasMessageContaining("'" + field + "' has its own flow");
    }

    @Test
    void refuseAnAttributeListedTwice() {
      assertThatThrownBy(() -> attributes("phone##company## phone"))
          .isInstanceOf(InvalidSettingException.class)
          .hasMessageContaining("'phone' is listed twice");
    }

    @Test
    void acceptFiftyAttributesButNotFiftyOne() {
      assertThat(attributes(numbered(50)).attributes()).hasSize(50);
      assertThatThrownBy(() -> attributes(numbered(51)))
          .isInstanceOf(InvalidSettingException.class)
          .hasMessageContaining("at most 50 attributes");
    }

    @Test
    void refuseAnEntryThatIsNotACollectableAttribute() {
      assertThatThrownBy(() -> attributes("phone##custom_data.plan"))
          .isInstanceOf(InvalidSettingException.class)
          .hasMessageContaining("custom_data.plan");
    }

    @Test
    void cannotBeChangedAfterParsing() {
      assertThatThrownBy(() -> attributes("phone").attributes().clear())
          .isInstanceOf(UnsupportedOperationException.class);
    }

    private static String numbered(int count) {
      return IntStream.rangeClosed(1, count)
          .mapToObj(i -> "attr" + i)
          .collect(Collectors.joining("##"));
    }
  }

  @Nested
  class MaxPerPrompt {

    @ParameterizedTest
    @ValueSource(strings = {"1", "5", "10", " 3 "})
    void isAWholeNumberFromOneToTen(String value) {
      assertThat(parse(ProgressiveProfileSettings.MAX_PER_PROMPT, value).maxPerPrompt())
          .isEqualTo(Integer.parseInt(value.trim()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "11", "-1"})
    void refusesANumberOutsideOneToTen(String value) {
      assertThatThrownBy(() -> parse(ProgressiveProfileSettings.MAX_PER_PROMPT, value))
          .isInstanceOfSatisfying(
              InvalidSettingException.class,
              e -> assertThat(e.setting()).isEqualTo(ProgressiveProfileSettings.MAX_PER_PROMPT))
          .hasMessageContaining("between 1 and 10");
    }

    @ParameterizedTest
    @ValueSource(strings = {"two", "2.5", "99999999999"})
    void refusesWhatIsNotAWholeNumber(String value) {
      assertThatThrownBy(() -> parse(ProgressiveProfileSettings.MAX_PER_PROMPT, value))
          .isInstanceOf(InvalidSettingException.class)
          .hasMessageContaining("must be a whole number");
    }
  }

  @Nested
  class Skippable {

    @Test
    void isTrueOrFalse() {
      assertThat(parse(ProgressiveProfileSettings.SKIPPABLE, "true").skippable()).isTrue();
      assertThat(parse(ProgressiveProfileSettings.SKIPPABLE, " false ").skippable()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"yes", "TRUE", "0"})
    void refusesAnythingElse(String value) {
      assertThatThrownBy(() -> parse(ProgressiveProfileSettings.SKIPPABLE, value))
          .isInstanceOfSatisfying(
              InvalidSettingException.class,
              e -> assertThat(e.setting()).isEqualTo(ProgressiveProfileSettings.SKIPPABLE))
          .hasMessageContaining("must be true or false");
    }
  }

  @Nested
  class SignInsBetweenPrompts {

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 1000})
    void isAWholeNumberFromZeroToAThousand(int value) {
      assertThat(
              parse(ProgressiveProfileSettings.SIGN_INS_BETWEEN_PROMPTS, String.valueOf(value))
                  .signInsBetweenPrompts())
          .isEqualTo(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "1001"})
    void refusesANumberOutsideZeroToAThousand(String value) {
      assertThatThrownBy(() -> parse(ProgressiveProfileSettings.SIGN_INS_BETWEEN_PROMPTS, value))
          .isInstanceOfSatisfying(
              InvalidSettingException.class,
              e ->
                  assertThat(e.setting())
                      .isEqualTo(ProgressiveProfileSettings.SIGN_INS_BETWEEN_PROMPTS))
          .hasMessageContaining("between 0 and 1000");
    }
  }
}

package io.kcuserdata.themes.progressive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class AnswersTest {

  private static final Prompt PROMPT =
      new Prompt(
          List.of(
              CollectedAttribute.parse("phone"),
              CollectedAttribute.parse("profile.nickname"),
              CollectedAttribute.parse("user_metadata.language")));

  /** A form from alternating names and values, in the order given. */
  private static Map<String, List<String>> form(String... namesAndValues) {
    Map<String, List<String>> form = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      form.put(namesAndValues[i], Arrays.asList(namesAndValues[i + 1]));
    }
    return form;
  }

  @Nested
  class Read {

    @Test
    void keepsTheFilledInFieldsInThePromptsOrder() {
      Answers answers =
          Answers.read(
              PROMPT,
              form("user_metadata.language", "fr", "phone", "+33 1 23", "profile.nickname", "Jo"));

      assertThat(answers.values())
          .containsExactly(
              entry("phone", "+33 1 23"),
              entry("profile.nickname", "Jo"),
              entry("user_metadata.language", "fr"));
      assertThat(answers.blank()).isEmpty();
      assertThat(answers.nothingFilled()).isFalse();
    }

    @Test
    void trimsEachValue() {
      Answers answers = Answers.read(PROMPT, form("phone", "  0612 \t", "profile.nickname", " Jo"));

      assertThat(answers.values())
          .containsEntry("phone", "0612")
          .containsEntry("profile.nickname", "Jo");
    }

    @Test
    void listsTheAskedFieldsLeftEmptyOrNotSentAsBlank() {
      Answers answers = Answers.read(PROMPT, form("phone", "   ", "profile.nickname", "Jo"));

      assertThat(answers.values()).containsOnlyKeys("profile.nickname");
      assertThat(answers.blank()).containsExactly("phone", "user_metadata.language");
    }

    @Test
    void treatsAFieldPostedWithoutOrWithANullValueAsBlank() {
      Map<String, List<String>> form = new LinkedHashMap<>();
      form.put("phone", List.of());
      form.put("profile.nickname", Arrays.asList((String) null));

      assertThat(Answers.read(PROMPT, form).blank())
          .containsExactly("phone", "profile.nickname", "user_metadata.language");
    }

    @Test
    void readsOnlyTheFirstValueOfAField() {
      Map<String, List<String>> form = Map.of("phone", List.of("first", "second"));

      assertThat(Answers.read(PROMPT, form).values()).containsExactly(entry("phone", "first"));
    }

    @Test
    void aFormWithOnlyControlsFillsNothingIn() {
      Answers answers = Answers.read(PROMPT, form(Answers.SAVE, "true"));

      assertThat(answers.nothingFilled()).isTrue();
      assertThat(answers.blank()).hasSize(3);
    }

    @Test
    void acceptsTheFormsOwnControls() {
      Answers answers =
          Answers.read(PROMPT, form("phone", "0612", Answers.SAVE, "true", Answers.SKIP, "true"));

      assertThat(answers.values()).containsOnlyKeys("phone");
    }
  }

  @Nested
  class TamperedPosts {

    @Test
    void refusesAnyFieldThePromptDidNotAskForNamingThemSorted() {
      Map<String, List<String>> form =
          form(
              "phone",
              "0612",
              "status.role",
              "admin",
              "custom_data.plan",
              "gold",
              Answers.SAVE,
              "true");

      assertThatThrownBy(() -> Answers.read(PROMPT, form))
          .isInstanceOfSatisfying(
              UnexpectedFieldException.class,
              e -> assertThat(e.fields()).containsExactly("custom_data.plan", "status.role"))
          .hasMessage("fields not asked for: custom_data.plan, status.role");
    }

    @Test
    void controlNamesCannotBeConfiguredAsAttributes() {
      assertThatThrownBy(() -> CollectedAttribute.parse(Answers.SKIP))
          .isInstanceOf(InvalidSettingException.class);
      assertThatThrownBy(() -> CollectedAttribute.parse(Answers.SAVE))
          .isInstanceOf(InvalidSettingException.class);
    }

    @Test
    void refusesAConfiguredAttributeThisPromptDidNotAskFor() {
      Prompt onlyPhone = new Prompt(List.of(CollectedAttribute.parse("phone")));

      assertThatThrownBy(() -> Answers.read(onlyPhone, form("phone", "1", "profile.nickname", "x")))
          .isInstanceOfSatisfying(
              UnexpectedFieldException.class,
              e -> assertThat(e.fields()).containsExactly("profile.nickname"));
    }

    @Test
    void comparesFieldNamesExactly() {
      assertThatThrownBy(() -> Answers.read(PROMPT, form("Phone", "1", "SAVE", "true")))
          .isInstanceOfSatisfying(
              UnexpectedFieldException.class,
              e -> assertThat(e.fields()).containsExactly("Phone", "SAVE"));
    }
  }

  @Nested
  class SkipRequested {

    @Test
    void isTrueWhenTheSkipControlWasPosted() {
      assertThat(Answers.skipRequested(form("phone", "", Answers.SKIP, "true"))).isTrue();
    }

    @Test
    void isFalseOtherwise() {
      assertThat(Answers.skipRequested(form("phone", "0612", Answers.SAVE, "true"))).isFalse();
      assertThat(Answers.skipRequested(Map.of())).isFalse();
    }
  }

  @Nested
  class TooLong {

    @Test
    void aValueOfUpTo2048CharactersIsNotTooLong() {
      assertThat(Answers.tooLong("")).isFalse();
      assertThat(Answers.tooLong("x".repeat(2048))).isFalse();
    }

    @Test
    void aValueOfMoreThan2048CharactersIsTooLong() {
      assertThat(Answers.tooLong("x".repeat(2049))).isTrue();
    }
  }
}

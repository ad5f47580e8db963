package io.kcuserdata.themes.progressive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PromptTest {

  private static final Predicate<CollectedAttribute> EVERYTHING = attribute -> true;
  private static final Predicate<CollectedAttribute> NOTHING = attribute -> false;

  private static ProgressiveProfileSettings settings(int maxPerPrompt, String... names) {
    return new ProgressiveProfileSettings(
        List.of(names).stream().map(CollectedAttribute::parse).toList(), maxPerPrompt, true, 2);
  }

  private static Predicate<CollectedAttribute> named(String... names) {
    Set<String> set = Set.of(names);
    return attribute -> set.contains(attribute.name());
  }

  private static List<String> names(Prompt prompt) {
    return prompt.fields().stream().map(CollectedAttribute::name).toList();
  }

  @Nested
  class Next {

    @Test
    void asksForTheFirstMissingAttributesInTheConfiguredOrder() {
      ProgressiveProfileSettings settings =
          settings(2, "phone", "company", "profile.nickname", "user_metadata.language");

      Prompt prompt =
          Prompt.next(
              settings, named("user_metadata.language", "company", "profile.nickname"), EVERYTHING);

      assertThat(names(prompt)).containsExactly("company", "profile.nickname");
    }

    @Test
    void asksForNoMoreThanMaxPerPrompt() {
      ProgressiveProfileSettings settings = settings(3, "a", "b", "c", "d", "e");

      assertThat(names(Prompt.next(settings, EVERYTHING, EVERYTHING)))
          .containsExactly("a", "b", "c");
    }

    @Test
    void asksForFewerWhenFewerAreMissing() {
      ProgressiveProfileSettings settings = settings(5, "a", "b", "c");

      assertThat(names(Prompt.next(settings, named("c"), EVERYTHING))).containsExactly("c");
    }

    @Test
    void skipsAMissingAttributeThePersonMayNotFillInAndTakesTheNextOne() {
      ProgressiveProfileSettings settings = settings(2, "a", "readonly", "b", "c");

      Prompt prompt = Prompt.next(settings, EVERYTHING, named("a", "b", "c"));

      assertThat(names(prompt)).containsExactly("a", "b");
    }

    @Test
    void isEmptyWhenNothingIsMissing() {
      Prompt prompt = Prompt.next(settings(2, "a", "b"), NOTHING, EVERYTHING);

      assertThat(prompt.empty()).isTrue();
      assertThat(prompt.fields()).isEmpty();
    }

    @Test
    void isEmptyWhenNothingMissingIsAskable() {
      assertThat(Prompt.next(settings(2, "a", "b"), EVERYTHING, NOTHING).empty()).isTrue();
    }

    @Test
    void isEmptyWhenNothingIsConfigured() {
      assertThat(Prompt.next(settings(2), EVERYTHING, EVERYTHING).empty()).isTrue();
    }
  }

  @Nested
  class AnyMissing {

    @Test
    void isTrueWhenAnyConfiguredAttributeIsMissing() {
      assertThat(Prompt.anyMissing(settings(1, "a", "b", "c"), named("c"))).isTrue();
    }

    @Test
    void isFalseWhenEveryConfiguredAttributeHasAValue() {
      assertThat(Prompt.anyMissing(settings(1, "a", "b"), NOTHING)).isFalse();
    }

    @Test
    void looksPastMaxPerPrompt() {
      assertThat(Prompt.anyMissing(settings(1, "a", "b", "c", "d"), named("d"))).isTrue();
    }

    @Test
    void isFalseWhenNothingIsConfigured() {
      assertThat(Prompt.anyMissing(settings(2), EVERYTHING)).isFalse();
    }
  }

  @Nested
  class Fields {

    @Test
    void areACopyThatCannotBeChanged() {
      List<CollectedAttribute> fields = new ArrayList<>(List.of(CollectedAttribute.parse("a")));
      Prompt prompt = new Prompt(fields);
      fields.add(CollectedAttribute.parse("b"));

      assertThat(names(prompt)).containsExactly("a");
      assertThatThrownBy(() -> prompt.fields().clear())
          .isInstanceOf(UnsupportedOperationException.class);
    }
  }
}

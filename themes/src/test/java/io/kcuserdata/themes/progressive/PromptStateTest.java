package io.kcuserdata.themes.progressive;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kcuserdata.core.json.Json;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PromptStateTest {

  private static final Instant AT = Instant.parse("2024-05-01T10:15:30.123Z");

  private static ProgressiveProfileSettings everyNthSignIn(int between) {
    return new ProgressiveProfileSettings(List.of(), 2, true, between);
  }

  private static JsonNode json(String text) {
    return Json.parseOrNull(text);
  }

  @Nested
  class Due {

    @Test
    void theFirstSignInAlwaysPrompts() {
      assertThat(PromptState.NEVER.due(everyNthSignIn(1000))).isTrue();
    }

    @Test
    void aLaterSignInPromptsOnceEnoughSignInsPassedWithoutOne() {
      ProgressiveProfileSettings settings = everyNthSignIn(2);

      assertThat(new PromptState(AT, 0).due(settings)).isFalse();
      assertThat(new PromptState(AT, 1).due(settings)).isFalse();
      assertThat(new PromptState(AT, 2).due(settings)).isTrue();
      assertThat(new PromptState(AT, 3).due(settings)).isTrue();
    }

    @Test
    void withNoSignInsBetweenEverySignInPrompts() {
      assertThat(PromptState.promptedAt(AT).due(everyNthSignIn(0))).isTrue();
    }
  }

  @Nested
  class Transitions {

    @Test
    void aSignInWithoutPromptCountsOneMore() {
      PromptState state = PromptState.promptedAt(AT).signedInWithoutPrompt();

      assertThat(state).isEqualTo(new PromptState(AT, 1));
      assertThat(state.signedInWithoutPrompt().signInsSince()).isEqualTo(2);
    }

    @Test
    void theCountStopsAtTheLargestInt() {
      PromptState state = new PromptState(AT, Integer.MAX_VALUE).signedInWithoutPrompt();

      assertThat(state.signInsSince()).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void aPromptResetsTheCountAndKeepsTheTimeToTheMillisecond() {
      PromptState state = PromptState.promptedAt(Instant.parse("2024-05-01T10:15:30.123456789Z"));

      assertThat(state.promptedAt()).isEqualTo(AT);
      assertThat(state.signInsSince()).isZero();
    }
  }

  @Nested
  class Storage {

    @Test
    void writesThePromptTimeAndTheCount() {
      assertThat(Json.compact(new PromptState(AT, 3).toJson()))
          .isEqualTo("{\"prompted_at\":\"2024-05-01T10:15:30.123Z\",\"sign_ins_since\":3}");
    }

    @Test
    void leavesOutThePromptTimeOfSomeoneNeverPrompted() {
      assertThat(Json.compact(PromptState.NEVER.toJson())).isEqualTo("{\"sign_ins_since\":0}");
    }

    @Test
    void readsBackWhatItWrote() {
      PromptState state = PromptState.promptedAt(AT).signedInWithoutPrompt();

      assertThat(PromptState.fromJson(state.toJson())).isEqualTo(state);
      assertThat(PromptState.fromJson(PromptState.NEVER.toJson())).isEqualTo(PromptState.NEVER);
    }

    @Test
    void readsBackThroughTheStoredText() {
      PromptState state = new PromptState(AT, 7);

      assertThat(PromptState.fromJson(json(Json.compact(state.toJson())))).isEqualTo(state);
    }

    @Test
    void aMissingCountIsZero() {
      assertThat(PromptState.fromJson(json("{\"prompted_at\":\"2024-05-01T10:15:30.123Z\"}")))
          .isEqualTo(new PromptState(AT, 0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-5", "\"3\"", "true", "null", "99999999999"})
    void aCountThatIsNegativeOrNotAnIntIsZero(String count) {
      String text =
          "{\"prompted_at\":\"2024-05-01T10:15:30.123Z\",\"sign_ins_since\":" + count + "}";

      assertThat(PromptState.fromJson(json(text))).isEqualTo(new PromptState(AT, 0));
    }
  }

  @Nested
  class GarbledState {

    @Test
    void noStateCountsAsNeverPrompted() {
      assertThat(PromptState.fromJson(null)).isEqualTo(PromptState.NEVER);
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "\"2024-05-01T10:15:30Z\"",
          "[1,2]",
          "42",
          "null",
          "{}",
          "{\"sign_ins_since\":5}",
          "{\"prompted_at\":\"yesterday\",\"sign_ins_since\":5}",
          "{\"prompted_at\":\"\",\"sign_ins_since\":5}",
          "{\"prompted_at\":1714558530,\"sign_ins_since\":5}",
          "{\"prompted_at\":null,\"sign_ins_since\":5}"
        })
    void unreadableStateCountsAsNeverPrompted(String text) {
      assertThat(PromptState.fromJson(json(text))).isEqualTo(PromptState.NEVER);
    }

    @Test
    void neverPromptedIsDueSoAGarbledValueCostsOnePromptNotALockout() {
      PromptState state = PromptState.fromJson(json("{\"prompted_at\":\"garbage\"}"));

      assertThat(state.due(everyNthSignIn(1000))).isTrue();
    }
  }
}

package io.kcuserdata.themes.progressive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kcuserdata.core.json.Json;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Where progressive profiling stands for one user, kept in {@code status.profile_prompt}: when the
 * last prompt was shown and how many sign-ins passed since without one.
 *
 * @param promptedAt when the last prompt was answered or skipped; {@code null} if never
 * @param signInsSince sign-ins since then that did not prompt
 */
public record PromptState(Instant promptedAt, int signInsSince) {

  static final String PROMPTED_AT = "prompted_at";
  static final String SIGN_INS_SINCE = "sign_ins_since";

  /** A user the action never prompted. */
  public static final PromptState NEVER = new PromptState(null, 0);

  /**
   * Whether this sign-in should prompt: the first one always does, later ones once enough sign-ins
   * passed since the last prompt.
   */
  public boolean due(ProgressiveProfileSettings settings) {
    return promptedAt == null || signInsSince >= settings.signInsBetweenPrompts();
  }

  /** After a sign-in that did not prompt. */
  public PromptState signedInWithoutPrompt() {
    return new PromptState(
        promptedAt, signInsSince == Integer.MAX_VALUE ? signInsSince : signInsSince + 1);
  }

  /** After the person answered or skipped a prompt. */
  public static PromptState promptedAt(Instant at) {
    return new PromptState(at.truncatedTo(ChronoUnit.MILLIS), 0);
  }

  public ObjectNode toJson() {
    ObjectNode node = Json.object();
    if (promptedAt != null) {
      node.put(PROMPTED_AT, promptedAt.toString());
    }
    node.put(SIGN_INS_SINCE, signInsSince);
    return node;
  }

  /**
   * Reads the stored state. Anything unreadable counts as never prompted: a garbled value must cost
   * the person one prompt, not lock them out of the flow.
   */
  public static PromptState fromJson(JsonNode node) {
    if (node == null || !node.isObject()) {
      return NEVER;
    }
    Instant at;
    try {
      JsonNode value = node.get(PROMPTED_AT);
      at = value == null || !value.isTextual() ? null : Instant.parse(value.textValue());
    } catch (RuntimeException e) {
      return NEVER;
    }
    JsonNode count = node.get(SIGN_INS_SINCE);
    int since = count != null && count.canConvertToInt() ? Math.max(0, count.intValue()) : 0;
    return at == null ? NEVER : new PromptState(at, since);
  }
}

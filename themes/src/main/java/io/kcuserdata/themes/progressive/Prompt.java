package io.kcuserdata.themes.progressive;

import java.util.List;
import java.util.function.Predicate;

/** The attributes one prompt asks for: the first missing ones, in the configured order. */
public record Prompt(List<CollectedAttribute> fields) {

  public Prompt {
    fields = List.copyOf(fields);
  }

  public boolean empty() {
    return fields.isEmpty();
  }

  /**
   * @param missing whether the user has no value for an attribute yet
   * @param askable whether the person may fill an attribute in (a declared attribute the user
   *     profile makes read-only for users is skipped, not asked forever)
   */
  public static Prompt next(
      ProgressiveProfileSettings settings,
      Predicate<CollectedAttribute> missing,
      Predicate<CollectedAttribute> askable) {
    return new Prompt(
        settings.attributes().stream()
            .filter(missing)
            .filter(askable)
            .limit(settings.maxPerPrompt())
            .toList());
  }

  /**
   * Whether anything configured is still missing, before asking the user profile what is askable.
   */
  public static boolean anyMissing(
      ProgressiveProfileSettings settings, Predicate<CollectedAttribute> missing) {
    return settings.attributes().stream().anyMatch(missing);
  }
}

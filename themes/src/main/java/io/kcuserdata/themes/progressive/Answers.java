package io.kcuserdata.themes.progressive;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the person sent back for one prompt, read against what the prompt asked — never against the
 * field names in the post, which the person controls.
 *
 * @param values the filled-in fields, trimmed, by attribute name, in the prompt's order
 * @param blank the asked fields left empty
 */
public record Answers(Map<String, String> values, List<String> blank) {

  /**
   * The form's own controls. The colon keeps them apart from every attribute name, which cannot
   * hold one: an attribute called {@code skip} must not turn each save into a skip.
   */
  public static final String SAVE = "userdata-prompt:save";

  public static final String SKIP = "userdata-prompt:skip";

  static final Set<String> CONTROLS = Set.of(SAVE, SKIP);

  /** Longer than any declared attribute needs; the user-profile validators bound it further. */
  static final int MAX_VALUE_LENGTH = 2048;

  public Answers {
    values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
    blank = List.copyOf(blank);
  }

  public boolean nothingFilled() {
    return values.isEmpty();
  }

  /**
   * @param form the posted fields; only the first value of each counts
   * @throws UnexpectedFieldException when the post carries a field the prompt did not ask for, so
   *     that nothing of a tampered post is written
   */
  public static Answers read(Prompt prompt, Map<String, List<String>> form) {
    Set<String> asked =
        prompt.fields().stream().map(CollectedAttribute::name).collect(Collectors.toSet());
    List<String> unexpected =
        form.keySet().stream()
            .filter(name -> !asked.contains(name) && !CONTROLS.contains(name))
            .sorted()
            .toList();
    if (!unexpected.isEmpty()) {
      throw new UnexpectedFieldException(unexpected);
    }
    Map<String, String> values = new LinkedHashMap<>();
    List<String> blank = new java.util.ArrayList<>();
    for (CollectedAttribute field : prompt.fields()) {
      List<String> posted = form.get(field.name());
      String value = posted == null || posted.isEmpty() ? "" : posted.get(0);
      value = value == null ? "" : value.strip();
      if (value.isEmpty()) {
        blank.add(field.name());
      } else {
        values.put(field.name(), value);
      }
    }
    return new Answers(values, blank);
  }

  /** The person asked to postpone. */
  public static boolean skipRequested(Map<String, List<String>> form) {
    return form.containsKey(SKIP);
  }

  /** Whether a value is too long to even hand to a validator. */
  public static boolean tooLong(String value) {
    return value.length() > MAX_VALUE_LENGTH;
  }
}

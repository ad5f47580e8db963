package io.kcuserdata.themes.progressive;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How a realm runs progressive profiling: which attributes, in which order, how many at a time,
 * whether a prompt may be skipped, and how many sign-ins pass between two prompts.
 *
 * @param attributes what to collect, in the order to ask
 * @param maxPerPrompt how many missing attributes one prompt asks for
 * @param skippable whether the person may postpone the prompt
 * @param signInsBetweenPrompts sign-ins without a prompt after each prompt, answered or skipped
 */
public record ProgressiveProfileSettings(
    List<CollectedAttribute> attributes,
    int maxPerPrompt,
    boolean skippable,
    int signInsBetweenPrompts) {

  public static final String ATTRIBUTES = "attributes";
  public static final String MAX_PER_PROMPT = "max.per.prompt";
  public static final String SKIPPABLE = "skippable";
  public static final String SIGN_INS_BETWEEN_PROMPTS = "sign.ins.between.prompts";

  public static final int DEFAULT_MAX_PER_PROMPT = 2;
  public static final int DEFAULT_SIGN_INS_BETWEEN_PROMPTS = 2;

  /** A form longer than this is no longer progressive. */
  static final int MAX_PER_PROMPT_LIMIT = 10;

  static final int MAX_ATTRIBUTES = 50;

  static final int MAX_SIGN_INS_BETWEEN_PROMPTS = 1000;

  /** How Keycloak joins the values of a multivalued setting. */
  static final String MULTIVALUED_DELIMITER = "##";

  /** Keycloak's own account fields that a prompt must never change: they have their own flows. */
  static final Set<String> NEVER_ASKED = Set.of("username", "email");

  public ProgressiveProfileSettings {
    attributes = List.copyOf(attributes);
  }

  /** Whether there is anything to collect at all. */
  public boolean active() {
    return !attributes.isEmpty();
  }

  /**
   * Reads the action's configuration as Keycloak stores it.
   *
   * @param config the required action's config map; {@code null} or empty means defaults
   * @throws InvalidSettingException for the first setting that cannot be used
   */
  public static ProgressiveProfileSettings parse(Map<String, String> config) {
    Map<String, String> c = config == null ? Map.of() : config;
    return new ProgressiveProfileSettings(
        attributes(c.get(ATTRIBUTES)),
        number(
            c.get(MAX_PER_PROMPT), MAX_PER_PROMPT, DEFAULT_MAX_PER_PROMPT, 1, MAX_PER_PROMPT_LIMIT),
        flag(c.get(SKIPPABLE)),
        number(
            c.get(SIGN_INS_BETWEEN_PROMPTS),
            SIGN_INS_BETWEEN_PROMPTS,
            DEFAULT_SIGN_INS_BETWEEN_PROMPTS,
            0,
            MAX_SIGN_INS_BETWEEN_PROMPTS));
  }

  private static List<CollectedAttribute> attributes(String value) {
    if (value == null || value.isBlank()) {
      return List.of();
    }
    Set<String> seen = new LinkedHashSet<>();
    List<CollectedAttribute> attributes = new ArrayList<>();
    for (String entry : value.split(MULTIVALUED_DELIMITER)) {
      if (entry.isBlank()) {
        continue;
      }
      CollectedAttribute attribute = CollectedAttribute.parse(entry);
      if (NEVER_ASKED.contains(attribute.name())) {
        throw new InvalidSettingException(
            ATTRIBUTES, "'" + attribute.name() + "' has its own flow and cannot be asked for here");
      }
      if (!seen.add(attribute.name())) {
        throw new InvalidSettingException(ATTRIBUTES, "'" + attribute.name() + "' is listed twice");
      }
      attributes.add(attribute);
    }
    if (attributes.size() > MAX_ATTRIBUTES) {
      throw new InvalidSettingException(ATTRIBUTES, "at most " + MAX_ATTRIBUTES + " attributes");
    }
    return attributes;
  }

  /** Skippable unless the admin says otherwise: a prompt that cannot be skipped is a wall. */
  private static boolean flag(String value) {
    if (value == null || value.isBlank()) {
      return true;
    }
    return switch (value.trim()) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new InvalidSettingException(SKIPPABLE, "must be true or false");
    };
  }

  private static int number(String value, String key, int fallback, int min, int max) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    int parsed;
    try {
      parsed = Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new InvalidSettingException(key, "must be a whole number");
    }
    if (parsed < min || parsed > max) {
      throw new InvalidSettingException(key, "must be between " + min + " and " + max);
    }
    return parsed;
  }
}

package io.kcuserdata.events.webhooks.endpoint;

import io.kcuserdata.events.webhooks.catalog.WebhookEventType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The event types an endpoint subscribes to: exact names ({@code user.login}), a prefix with a
 * wildcard ({@code user.*}, {@code organization.*}), or {@code *} for all. {@code ping} is always
 * delivered (the admin's test ping), whatever the patterns.
 */
public final class EventPatterns {

  private final List<String> patterns;

  private EventPatterns(List<String> patterns) {
    this.patterns = List.copyOf(patterns);
  }

  /**
   * @throws IllegalArgumentException naming each pattern that matches no event type
   */
  public static EventPatterns parse(List<String> raw) {
    if (raw == null || raw.isEmpty()) {
      throw new IllegalArgumentException("events must list at least one event type or pattern");
    }
    Set<String> kept = new LinkedHashSet<>();
    List<String> unknown = new ArrayList<>();
    for (String value : raw) {
      String pattern = value == null ? "" : value.strip();
      if (matchesAny(pattern)) {
        kept.add(pattern);
      } else {
        // Quoted, so that a blank entry shows as '' rather than vanishing from the message.
        unknown.add("'" + (pattern.length() > 64 ? pattern.substring(0, 64) + "…" : pattern) + "'");
      }
    }
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException(
          "events "
              + unknown
              + " match no event type; use names such as user.login, patterns such as user.*,"
              + " or *");
    }
    return new EventPatterns(new ArrayList<>(kept));
  }

  /** As stored: comma-separated. */
  public static EventPatterns fromStored(String stored) {
    return new EventPatterns(Arrays.asList(stored.split(",")));
  }

  public String stored() {
    return String.join(",", patterns);
  }

  public List<String> patterns() {
    return patterns;
  }

  public boolean matches(WebhookEventType type) {
    if (type == WebhookEventType.PING) {
      return true;
    }
    return patterns.stream().anyMatch(p -> matches(p, type.wireName()));
  }

  private static boolean matchesAny(String pattern) {
    return !pattern.isEmpty()
        && Arrays.stream(WebhookEventType.values()).anyMatch(t -> matches(pattern, t.wireName()));
  }

  private static boolean matches(String pattern, String name) {
    if (pattern.equals("*")) {
      return true;
    }
    if (pattern.endsWith(".*")) {
      return name.startsWith(pattern.substring(0, pattern.length() - 1));
    }
    return pattern.equals(name);
  }
}

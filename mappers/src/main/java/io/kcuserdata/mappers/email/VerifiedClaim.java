package io.kcuserdata.mappers.email;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a provider's verified flag sits: a claim name, or a dotted path into nested objects ({@code
 * a.b}), {@code \.} standing for a dot inside a name (as in Keycloak's claim mappers).
 */
public record VerifiedClaim(List<String> segments) {

  private static final int MAX_LENGTH = 256;

  public VerifiedClaim {
    segments = List.copyOf(segments);
  }

  static VerifiedClaim parse(String raw) {
    String path = raw.trim();
    if (path.isEmpty()) {
      throw new IllegalArgumentException("is blank");
    }
    if (path.length() > MAX_LENGTH) {
      throw new IllegalArgumentException("is longer than " + MAX_LENGTH + " characters");
    }
    List<String> segments = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c == '\\' && i + 1 < path.length() && path.charAt(i + 1) == '.') {
        current.append('.');
        i++;
      } else if (c == '.') {
        segments.add(segment(current));
        current.setLength(0);
      } else {
        current.append(c);
      }
    }
    segments.add(segment(current));
    return new VerifiedClaim(segments);
  }

  static VerifiedClaim parseOrDefault(String raw, String fallback) {
    try {
      return parse(raw);
    } catch (IllegalArgumentException e) {
      return parse(fallback);
    }
  }

  private static String segment(StringBuilder current) {
    if (current.isEmpty()) {
      throw new IllegalArgumentException(
          "has an empty name between dots; use \\. for a dot inside a claim name");
    }
    return current.toString();
  }

  /** The value at this path in one claim set, or null when any step is missing. */
  JsonNode find(JsonNode claims) {
    JsonNode node = claims;
    for (String segment : segments) {
      if (node == null || !node.isObject()) {
        return null;
      }
      node = node.get(segment);
    }
    return node;
  }

  /**
   * The flag over every claim set the provider gave (ID token, access token, userinfo or profile
   * JSON). A set that lacks the claim has no say; a set that has it must say true, so the provider
   * cannot vouch for an address in one place while denying it in another.
   */
  VerifiedFlag read(List<JsonNode> claimSets) {
    VerifiedFlag result = VerifiedFlag.MISSING;
    for (JsonNode claims : claimSets) {
      result = result.and(VerifiedFlag.of(claims == null ? null : find(claims)));
    }
    return result;
  }
}

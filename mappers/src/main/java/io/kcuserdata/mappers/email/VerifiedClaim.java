package io.kcuserdata.mappers.email;

import com.fasterxml.jackson.databind.JsonNode;
import io.kcuserdata.core.json.ClaimPath;
import java.util.List;

/**
 * Where a provider's verified flag sits: a claim path as the pack's other IdP mappers read them
 * ({@code email_verified}, {@code ext.verified}, {@code \\.} for a dot inside a name).
 */
public record VerifiedClaim(ClaimPath path) {

  private static final int MAX_LENGTH = 256;

  static VerifiedClaim parse(String raw) {
    String path = raw.trim();
    if (path.isEmpty()) {
      throw new IllegalArgumentException("is blank");
    }
    if (path.length() > MAX_LENGTH) {
      throw new IllegalArgumentException("is longer than " + MAX_LENGTH + " characters");
    }
    return new VerifiedClaim(ClaimPath.parse(path));
  }

  static VerifiedClaim parseOrDefault(String raw, String fallback) {
    try {
      return parse(raw);
    } catch (IllegalArgumentException e) {
      return parse(fallback);
    }
  }

  /** The value at this path in one claim set, or null when any step is missing. */
  JsonNode find(JsonNode claims) {
    return path.find(claims).orElse(null);
  }

  /** What each claim set the provider gave asserts: its address and, at this path, its flag. */
  List<AddressAssertion> assertions(List<JsonNode> claimSets) {
    return claimSets.stream().map(claims -> AddressAssertion.of(claims, this)).toList();
  }
}

package io.kcuserdata.claims.shaping;

import com.fasterxml.jackson.databind.JsonNode;
import io.kcuserdata.core.json.JsonValues;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Puts an answer's claims into a token's claim map: under the configured claim name (dots nest, as
 * in Keycloak's mappers), or member by member at the top level. Reserved claims are never written;
 * the names that were dropped are returned for the log.
 */
public final class ClaimsPlacement {

  private final List<String> claimPath;

  /**
   * @param claimPath the claim name split into its parts; empty merges at the top level
   */
  public ClaimsPlacement(List<String> claimPath) {
    this.claimPath = List.copyOf(claimPath);
  }

  /**
   * Adds {@code claims} to {@code target} as plain Java values (maps, lists, strings, numbers),
   * fresh for each token, so a later mapper changing one token cannot change another.
   *
   * @return what was not written, and why, in words for a log line; empty when all went in
   */
  public List<String> apply(Map<String, Object> target, JsonNode claims) {
    List<String> dropped = new ArrayList<>();
    if (claims == null) {
      return dropped;
    }
    if (claimPath.isEmpty()) {
      claims
          .properties()
          .forEach(
              member -> {
                if (ReservedClaims.isReserved(member.getKey())) {
                  dropped.add(member.getKey());
                } else {
                  target.put(member.getKey(), JsonValues.toJava(member.getValue()));
                }
              });
      return dropped;
    }
    Map<String, Object> parent = target;
    for (String part : claimPath.subList(0, claimPath.size() - 1)) {
      Object next = parent.get(part);
      if (next == null) {
        Map<String, Object> created = new LinkedHashMap<>();
        parent.put(part, created);
        parent = created;
      } else if (next instanceof Map<?, ?> existing) {
        @SuppressWarnings("unchecked")
        Map<String, Object> nested = (Map<String, Object>) existing;
        parent = nested;
      } else {
        dropped.add(String.join(".", claimPath) + " (another claim holds a value on its path)");
        return dropped;
      }
    }
    parent.put(claimPath.get(claimPath.size() - 1), JsonValues.toJava(claims));
    return dropped;
  }
}

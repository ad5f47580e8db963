package io.kcuserdata.claims.shaping;

import com.fasterxml.jackson.databind.JsonNode;

/** What the claims API decided for one token: claims to add, or no token at all. */
public sealed interface ApiAnswer {

  /**
   * Claims to add.
   *
   * @param value the answer narrowed by {@code response.path}; null when the path was absent
   */
  record Claims(JsonNode value) implements ApiAnswer {}

  /** The API refused the token, with a description for the client (Auth0's api.access.deny). */
  record Deny(String description) implements ApiAnswer {}
}

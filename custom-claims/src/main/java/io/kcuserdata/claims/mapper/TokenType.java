package io.kcuserdata.claims.mapper;

/** The token being built when the mapper runs, as sent to the API in {@code token_type}. */
enum TokenType {
  ACCESS("access", "token"),
  ID("id", "token"),
  USERINFO("userinfo", "userinfo"),
  INTROSPECTION("introspection", "token");

  private final String wireName;
  private final String cacheFamily;

  TokenType(String wireName, String cacheFamily) {
    this.wireName = wireName;
    this.cacheFamily = cacheFamily;
  }

  String wireName() {
    return wireName;
  }

  /** Token types that share one cached answer (see {@code CacheKey}). */
  String cacheFamily() {
    return cacheFamily;
  }

  /** Whether a refusal goes back through the token endpoint (OAuth error with CORS headers). */
  boolean fromTokenEndpoint() {
    return this == ACCESS || this == ID;
  }
}

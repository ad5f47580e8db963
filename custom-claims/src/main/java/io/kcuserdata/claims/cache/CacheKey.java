package io.kcuserdata.claims.cache;

/**
 * Whose claims for which token: the user, the client the token is issued to, the granted scopes
 * (sorted) and the token family. Access tokens, ID tokens and introspection share the family {@code
 * token}, so one API call serves all of a token request and a later introspection of its access
 * token; userinfo answers are {@code userinfo}. The mapper and its config are implied: each mapper
 * config has its own cache.
 */
public record CacheKey(String userId, String clientId, String scope, String tokenFamily) {}

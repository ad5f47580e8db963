package io.kcuserdata.claims.mapper;

import jakarta.ws.rs.core.Response;
import org.keycloak.OAuthErrorException;
import org.keycloak.protocol.oidc.token.TokenInterceptorException;
import org.keycloak.services.ErrorResponseException;

/**
 * Fails the request that is building a token, the way the endpoint reports its own OAuth errors:
 * the token endpoint turns a {@code TokenInterceptorException} into a 400 with CORS headers; the
 * userinfo and introspection endpoints answer an {@code ErrorResponseException} as it is.
 */
final class TokenRefusal {

  static final String UNAVAILABLE_DESCRIPTION =
      "Claims required for this token are unavailable; try again later.";

  private TokenRefusal() {}

  /** The claims API answered deny: {@code access_denied} with its description. */
  static RuntimeException denied(TokenType type, String description) {
    return refusal(type, OAuthErrorException.ACCESS_DENIED, description, Response.Status.FORBIDDEN);
  }

  /** Failure policy {@code deny}: no claims, no token. The cause stays in the server log. */
  static RuntimeException unavailable(TokenType type) {
    return refusal(
        type,
        OAuthErrorException.TEMPORARILY_UNAVAILABLE,
        UNAVAILABLE_DESCRIPTION,
        Response.Status.SERVICE_UNAVAILABLE);
  }

  private static RuntimeException refusal(
      TokenType type, String error, String description, Response.Status status) {
    return type.fromTokenEndpoint()
        ? new TokenInterceptorException(error, description)
        : new ErrorResponseException(error, description, status);
  }
}

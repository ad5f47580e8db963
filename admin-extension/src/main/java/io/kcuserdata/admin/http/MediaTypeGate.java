package io.kcuserdata.admin.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;

/**
 * Answers 415 for a request to the pack's endpoints whose {@code Content-Type} no endpoint of the
 * pack reads and that Keycloak's server would fail on before the endpoint ran: a multipart body
 * (the server parses it as a form, and a broken one ends in a 500) or a media type that does not
 * parse (Keycloak's security-headers filter fails on it, another 500). Every other type goes on to
 * the endpoint, which answers it as usual.
 */
@Provider
@PreMatching
public final class MediaTypeGate implements ContainerRequestFilter {

  /** What the request says it is, in place of a type that does not parse. */
  static final String UNREADABLE = "application/octet-stream";

  @Override
  public void filter(ContainerRequestContext request) {
    String type = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
    if (type == null || !PackPaths.isPack(request.getUriInfo().getPath())) {
      return;
    }
    String refusal = refusal(type);
    if (refusal != null) {
      // Later filters read the request's media type again; give them one that parses.
      request.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, UNREADABLE);
      request.abortWith(ApiError.response(415, "unsupported_media_type", refusal));
    }
  }

  /**
   * Why a {@code Content-Type} is refused here, or null to let the endpoint decide. Parsed by the
   * server's own JAX-RS runtime, so that "does not parse" means what it means to the filters after.
   */
  private static String refusal(String contentType) {
    MediaType type;
    try {
      type = MediaType.valueOf(contentType);
    } catch (IllegalArgumentException e) {
      return "the Content-Type is not a media type";
    }
    if ("multipart".equalsIgnoreCase(type.getType())) {
      return "the pack's endpoints take JSON (or NDJSON for the import), not multipart bodies";
    }
    return null;
  }
}

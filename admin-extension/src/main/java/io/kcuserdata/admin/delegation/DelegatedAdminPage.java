package io.kcuserdata.admin.delegation;

import io.kcuserdata.admin.http.ApiError;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import org.keycloak.headers.SecurityHeadersProvider;
import org.keycloak.models.BrowserSecurityHeaders;
import org.keycloak.models.KeycloakSession;

/**
 * {@code /realms/{realm}/user-data/delegated-admin/}: the delegated admins' web page, plain HTML
 * and one script from the JAR, no build step. It signs in through the realm (authorization code
 * with PKCE, client {@value DelegatedAdminClient#CLIENT_ID}) and calls the members API.
 */
public final class DelegatedAdminPage {

  private static final String ROOT = "kc-userdata/delegated-admin/";
  private static final Map<String, String> FILES =
      Map.of(
          "", "index.html",
          "index.html", "index.html",
          "app.js", "app.js",
          "app.css", "app.css");
  private static final Map<String, String> TYPES =
      Map.of(
          "html", "text/html; charset=utf-8",
          "js", "text/javascript; charset=utf-8",
          "css", "text/css; charset=utf-8");

  private final KeycloakSession session;

  public DelegatedAdminPage(KeycloakSession session) {
    this.session = session;
  }

  @GET
  public Response index(@Context UriInfo uri) {
    String path = uri.getRequestUri().getRawPath();
    if (!path.endsWith("/")) {
      // The page's files are relative to the folder.
      return Response.seeOther(uri.getRequestUriBuilder().replacePath(path + "/").build()).build();
    }
    return file("");
  }

  @GET
  @Path("{file}")
  public Response file(@PathParam("file") String name) {
    String file = FILES.get(name);
    if (file == null) {
      throw ApiError.notFound("no such file");
    }
    try (InputStream in =
        DelegatedAdminPage.class.getClassLoader().getResourceAsStream(ROOT + file)) {
      if (in == null) {
        throw ApiError.notFound("no such file");
      }
      Response.ResponseBuilder answer = Response.ok(in.readAllBytes());
      if (file.endsWith(".html")) {
        keepThePagesPolicy(answer);
      }
      return answer
          .type(TYPES.get(file.substring(file.lastIndexOf('.') + 1)))
          .header("Cache-Control", "no-cache")
          .header("X-Content-Type-Options", "nosniff")
          .header("Referrer-Policy", "no-referrer")
          .header(
              "Content-Security-Policy",
              "default-src 'self'; script-src 'self'; style-src 'self'; frame-ancestors 'none';"
                  + " base-uri 'none'; form-action 'self'")
          .build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Keycloak gives every HTML answer the realm's browser security headers, and its
   * Content-Security-Policy would replace the page's with the realm's, which lets inline scripts
   * and any script source run. The page keeps its own policy and sends the realm's other headers
   * itself.
   */
  private void keepThePagesPolicy(Response.ResponseBuilder answer) {
    session.getProvider(SecurityHeadersProvider.class).options().skipHeaders();
    answer.header("X-Frame-Options", "DENY").header("X-Robots-Tag", "none");
    String hsts =
        session
            .getContext()
            .getRealm()
            .getBrowserSecurityHeaders()
            .getOrDefault(
                BrowserSecurityHeaders.STRICT_TRANSPORT_SECURITY.getKey(),
                BrowserSecurityHeaders.STRICT_TRANSPORT_SECURITY.getDefaultValue());
    if (hsts != null && !hsts.isBlank()) {
      answer.header(BrowserSecurityHeaders.STRICT_TRANSPORT_SECURITY.getHeaderName(), hsts);
    }
  }
}

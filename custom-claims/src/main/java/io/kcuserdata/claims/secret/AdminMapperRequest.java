package io.kcuserdata.claims.secret;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A request to Keycloak's admin API whose body may carry protocol mappers, hence a mapper secret
 * typed in: which realm it is for and where in the body the mappers are. Keycloak records such a
 * body, as sent, in the realm's admin events when they include the representation.
 *
 * @param realm the realm's name, as in the path
 */
public record AdminMapperRequest(String realm, Shape shape) {

  /** Where the protocol mappers are in the body. */
  public enum Shape {
    /** The body is one mapper. */
    MAPPER,
    /** The body is an array of mappers. */
    MAPPERS,
    /** A client or client scope: mappers in {@code protocolMappers}. */
    CONTAINER,
    /**
     * A realm or a partial import: clients and client scopes in {@code clients}, {@code
     * clientScopes}.
     */
    REALM
  }

  private static final String ADMIN_REALMS = "admin/realms/";

  /**
   * Keycloak's collections of mapper containers; {@code client-templates} is the old name of
   * scopes.
   */
  private static final Set<String> CONTAINERS =
      Set.of("clients", "client-scopes", "client-templates");

  /**
   * What {@code method} on {@code path} (the request path, with or without Keycloak's HTTP relative
   * path) sends, if it is one of these requests. The creation of a realm ({@code POST
   * /admin/realms}) is not: the realm has no key to seal with before it exists.
   */
  public static Optional<AdminMapperRequest> of(String method, String path) {
    int at = path.indexOf(ADMIN_REALMS);
    if (at < 0 || (at > 0 && path.charAt(at - 1) != '/')) {
      return Optional.empty();
    }
    List<String> parts =
        Arrays.stream(path.substring(at + ADMIN_REALMS.length()).split("/"))
            .filter(part -> !part.isEmpty())
            .toList();
    if (parts.isEmpty()) {
      return Optional.empty();
    }
    return shape(method, parts.subList(1, parts.size()))
        .map(shape -> new AdminMapperRequest(parts.get(0), shape));
  }

  /** The shape of the body {@code method} sends to {@code rest}, the path below the realm. */
  private static Optional<Shape> shape(String method, List<String> rest) {
    boolean post = "POST".equals(method);
    boolean put = "PUT".equals(method);
    int n = rest.size();
    if (n == 0) {
      return put ? Optional.of(Shape.REALM) : Optional.empty();
    }
    if (n == 1 && rest.get(0).equals("partialImport")) {
      return post ? Optional.of(Shape.REALM) : Optional.empty();
    }
    if (!CONTAINERS.contains(rest.get(0))) {
      return Optional.empty();
    }
    if (n == 1) {
      return post ? Optional.of(Shape.CONTAINER) : Optional.empty();
    }
    if (n == 2) {
      return put ? Optional.of(Shape.CONTAINER) : Optional.empty();
    }
    if (!rest.get(2).equals("protocol-mappers")) {
      return Optional.empty();
    }
    String last = rest.get(n - 1);
    if (n == 4 && last.equals("models")) {
      return post ? Optional.of(Shape.MAPPER) : Optional.empty();
    }
    if (n == 5 && rest.get(3).equals("models")) {
      return put ? Optional.of(Shape.MAPPER) : Optional.empty();
    }
    if (n == 4 && last.equals("add-models")) {
      return post ? Optional.of(Shape.MAPPERS) : Optional.empty();
    }
    return Optional.empty();
  }
}

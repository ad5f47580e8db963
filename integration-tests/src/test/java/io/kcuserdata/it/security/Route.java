package io.kcuserdata.it.security;

import java.util.Comparator;

/**
 * One HTTP route of the pack: a method and a path template as JAX-RS declares it, e.g. {@code GET
 * /admin/realms/{realm}/user-data/users/{id}}.
 */
public record Route(String method, String template) implements Comparable<Route> {

  /** Where Keycloak mounts the pack's admin root ({@code AdminRealmResourceProvider}). */
  static final String ADMIN_BASE = "/admin/realms/{realm}/user-data";

  /** Where Keycloak mounts the pack's public root ({@code RealmResourceProvider}). */
  static final String REALM_BASE = "/realms/{realm}/user-data";

  private static final Comparator<Route> ORDER =
      Comparator.comparing(Route::template).thenComparing(Route::method);

  @Override
  public int compareTo(Route other) {
    return ORDER.compare(this, other);
  }

  @Override
  public String toString() {
    return method + " " + template;
  }
}

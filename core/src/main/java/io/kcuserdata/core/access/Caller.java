package io.kcuserdata.core.access;

import java.util.Objects;
import java.util.Set;

/**
 * An actor with the scope the access table needs: the identity provider a mapper runs for, or the
 * organizations a user belongs to (or a delegated admin administers).
 */
public record Caller(Actor actor, String idpAlias, Set<String> organizations) {

  public Caller {
    Objects.requireNonNull(actor, "actor");
    organizations = organizations == null ? Set.of() : Set.copyOf(organizations);
  }

  public static Caller admin() {
    return new Caller(Actor.ADMIN, null, Set.of());
  }

  public static Caller system() {
    return new Caller(Actor.SYSTEM, null, Set.of());
  }

  /** The user, who may read the {@code org.<alias>} data of their own organizations. */
  public static Caller user(Set<String> memberOf) {
    return new Caller(Actor.USER, null, memberOf);
  }

  public static Caller delegatedAdmin(Set<String> administers) {
    return new Caller(Actor.DELEGATED_ADMIN, null, administers);
  }

  public static Caller idpMapper(String alias) {
    return new Caller(Actor.IDP_MAPPER, Objects.requireNonNull(alias, "alias"), Set.of());
  }
}

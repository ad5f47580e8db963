package io.kcuserdata.admin.migration;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The rule of the import: a line does only what its caller could do through Keycloak's own admin
 * API, each step asked of the caller's permission evaluator as Keycloak's endpoints ask it. Two
 * steps are stricter than Keycloak:
 *
 * <ul>
 *   <li>a role is mapped only when the caller may map it and every role it expands to through
 *       composites (Keycloak checks the named role alone, so a composite holding {@code
 *       realm-admin} would pass);
 *   <li>a group is joined only when the caller may also map every role the group grants: its own
 *       role mappings and its parents', expanded (Keycloak lets a manage-users admin put a user in
 *       a group carrying {@code realm-admin}).
 * </ul>
 *
 * <p>A refusal throws {@link InvalidLineException} naming what was refused and why; the line's
 * transaction then rolls back, so nothing of it is written.
 *
 * @param <U> users
 * @param <R> roles
 * @param <G> groups
 * @param <O> organizations
 */
final class LineAuthorization<U, R, G, O> {

  /** What the caller may do, as Keycloak's permission evaluator answers. */
  interface Rights<U, R, G, O> {

    /** {@code auth.users().canManage()}: Keycloak's check for creating a user. */
    boolean canCreateUsers();

    boolean canManage(U user);

    boolean canMapRoles(U user);

    boolean canMapRole(R role);

    boolean canManageGroupMembership(U user);

    boolean canManageMembership(G group);

    boolean canManageOrganization(O organization);
  }

  /** The realm's roles and groups, as far as the rule needs them. */
  interface Structure<R, G> {

    /** The roles {@code role} holds directly as a composite. */
    Stream<R> composites(R role);

    /** The roles mapped to {@code group} itself. */
    Stream<R> roleMappings(G group);

    Optional<G> parent(G group);

    /** {@code realm role 'x'} or {@code role 'x' of client 'y'}, for refusals. */
    String describe(R role);
  }

  private static final String TOO_MUCH = " needs more than your permissions allow";

  private final Rights<U, R, G, O> rights;
  private final Structure<R, G> structure;

  LineAuthorization(Rights<U, R, G, O> rights, Structure<R, G> structure) {
    this.rights = rights;
    this.structure = structure;
  }

  void mayCreateUser() {
    if (!rights.canCreateUsers()) {
      throw refused("creating a user" + TOO_MUCH);
    }
  }

  /**
   * Any change to an existing user: fields, data, password, required actions, linked identities.
   */
  void mayUpdate(U user) {
    if (!rights.canManage(user)) {
      throw refused("changing this user" + TOO_MUCH);
    }
  }

  void mayMapRole(U user, R role) {
    if (!rights.canMapRoles(user)) {
      throw refused("mapping roles to this user" + TOO_MUCH);
    }
    for (R each : expanded(Stream.of(role))) {
      if (!rights.canMapRole(each)) {
        String what = structure.describe(role);
        throw refused(
            "mapping "
                + what
                + (each.equals(role) ? "" : " (it includes " + structure.describe(each) + ")")
                + TOO_MUCH);
      }
    }
  }

  void mayJoin(U user, G group, String path) {
    if (!rights.canManageGroupMembership(user)) {
      throw refused("changing the groups of this user" + TOO_MUCH);
    }
    if (!rights.canManageMembership(group)) {
      throw refused("adding members to group '" + path + "'" + TOO_MUCH);
    }
    Stream.Builder<R> granted = Stream.builder();
    for (Optional<G> g = Optional.of(group); g.isPresent(); g = structure.parent(g.get())) {
      structure.roleMappings(g.get()).forEach(granted);
    }
    for (R each : expanded(granted.build())) {
      if (!rights.canMapRole(each)) {
        throw refused(
            "joining group '"
                + path
                + "' (it grants "
                + structure.describe(each)
                + ")"
                + TOO_MUCH
                + ": a group is joined only by who may map each role it grants");
      }
    }
  }

  void mayAddToOrganization(U user, O organization, String alias) {
    if (!rights.canManageOrganization(organization)) {
      throw refused("adding members to organization '" + alias + "'" + TOO_MUCH);
    }
    mayUpdate(user);
  }

  /** The roles and everything they hold through composites, each once, cycles included. */
  private Set<R> expanded(Stream<R> roles) {
    Set<R> seen = new LinkedHashSet<>();
    Deque<R> pending = new ArrayDeque<>();
    roles.forEach(pending::add);
    while (!pending.isEmpty()) {
      R role = pending.poll();
      if (seen.add(role)) {
        structure.composites(role).forEach(pending::add);
      }
    }
    return seen;
  }

  private static InvalidLineException refused(String reason) {
    return new InvalidLineException("not permitted: " + reason);
  }
}

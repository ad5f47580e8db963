package io.kcuserdata.admin.delegation;

import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * Who is out of a delegated admin's reach: a member with more power than an ordinary member, whose
 * account an organization's admin could otherwise take over (a new e-mail address, then a password
 * reset link sent to it) and with it that power. Such a member's e-mail, name, credentials, enabled
 * state and membership are for realm admins only.
 *
 * <p>The rule, cheapest check first: a service account; an administrator of anything (a role of the
 * realm's {@code realm-management} client; in the master realm also {@code admin}, {@code
 * create-realm} and the roles of the {@code <realm>-realm} clients), even when the realm made such
 * a role a default; any effective role, realm or client, direct, composite or through groups,
 * beyond what the realm's default roles expand to; a delegated admin of any organization of the
 * realm (asked last: it is a database query).
 */
final class MemberProtection {

  /** Why a member is protected; each says so in a sentence a delegated admin can read. */
  enum Reason {
    SERVICE_ACCOUNT("is a service account"),
    ADMINISTRATOR("administers the realm or the server"),
    ROLES_BEYOND_DEFAULTS("holds roles beyond the realm's defaults"),
    DELEGATED_ADMIN("is a delegated admin of an organization");

    private final String sentence;

    Reason(String sentence) {
      this.sentence = sentence;
    }

    /** The 403 answer's description. */
    String refusal() {
      return "this member " + sentence + "; a realm admin acts on them";
    }
  }

  /**
   * A role the member holds, as the rule sees it.
   *
   * @param clientId the client's id for a client role, {@code null} for a realm role
   * @param name the role's name
   */
  record HeldRole(String clientId, String name) {

    static HeldRole realm(String name) {
      return new HeldRole(null, name);
    }

    static HeldRole client(String clientId, String name) {
      return new HeldRole(clientId, name);
    }
  }

  static final String REALM_MANAGEMENT = "realm-management";
  static final String MASTER_REALM = "master";
  private static final Set<String> MASTER_ADMIN_ROLES = Set.of("admin", "create-realm");
  private static final String MASTER_REALM_CLIENT_SUFFIX = "-realm";

  private MemberProtection() {}

  /**
   * @param realm the realm's name
   * @param serviceAccount whether the member is a client's service account
   * @param effective every role the member holds, expanded (direct, composite, through groups)
   * @param defaults what the realm's default roles expand to, the role itself included
   * @param delegatedAdmin whether the member is a delegated admin of an organization of the realm;
   *     asked only when nothing else protects the member
   */
  static Optional<Reason> of(
      String realm,
      boolean serviceAccount,
      Set<HeldRole> effective,
      Set<HeldRole> defaults,
      BooleanSupplier delegatedAdmin) {
    if (serviceAccount) {
      return Optional.of(Reason.SERVICE_ACCOUNT);
    }
    boolean master = MASTER_REALM.equals(realm);
    if (effective.stream().anyMatch(role -> administers(role, master))) {
      return Optional.of(Reason.ADMINISTRATOR);
    }
    if (!defaults.containsAll(effective)) {
      return Optional.of(Reason.ROLES_BEYOND_DEFAULTS);
    }
    return delegatedAdmin.getAsBoolean() ? Optional.of(Reason.DELEGATED_ADMIN) : Optional.empty();
  }

  /** Whether holding {@code role} makes its holder an administrator of a realm or the server. */
  static boolean administers(HeldRole role, boolean masterRealm) {
    if (role.clientId() == null) {
      return masterRealm && MASTER_ADMIN_ROLES.contains(role.name());
    }
    return REALM_MANAGEMENT.equals(role.clientId())
        || masterRealm && role.clientId().endsWith(MASTER_REALM_CLIENT_SUFFIX);
  }
}

package io.kcuserdata.admin.suspension;

import java.util.Optional;

/**
 * What a delegated admin may do to a user's enabled state: suspend an enabled user, and lift only a
 * suspension made through the same organization. A realm admin may do both, always (and their
 * unsuspend also lifts lockouts). A delegated admin never re-enables a user someone else disabled
 * (a realm admin, Keycloak's brute-force protection, another organization), and may not suspend a
 * user who is disabled already: that suspension would become theirs to lift.
 */
final class SuspensionRules {

  /**
   * A user's account as the rules see it.
   *
   * @param enabled whether Keycloak lets the user sign in, lockouts aside
   * @param suspensionRecorded whether {@code status.suspended_at} is set
   * @param suspendedVia {@code status.suspended_via}: the organization a suspension was made
   *     through, {@code null} when a realm admin made it (or none was)
   * @param permanentlyLockedOut disabled by Keycloak after failed sign-ins
   * @param temporarilyLockedOut refused sign-ins for a while after failed sign-ins
   */
  record Account(
      boolean enabled,
      boolean suspensionRecorded,
      String suspendedVia,
      boolean permanentlyLockedOut,
      boolean temporarilyLockedOut) {

    /** Disabled by a suspension, not just carrying the keys of one someone undid otherwise. */
    boolean suspended() {
      return suspensionRecorded && !enabled;
    }

    /**
     * Whether a suspension through {@code organization} is recorded; when a realm admin re-enabled
     * the user in Keycloak since, its keys are left and that organization may clear them.
     */
    boolean suspendedThrough(String organization) {
      return suspensionRecorded && organization.equals(suspendedVia);
    }
  }

  private SuspensionRules() {}

  /** Why {@code by} may not suspend the user now; empty when they may. */
  static Optional<String> refuseSuspend(Suspender by, Account account) {
    if (!by.delegated() || account.enabled() && !account.permanentlyLockedOut()) {
      return Optional.empty();
    }
    if (account.suspendedThrough(by.organization()) && !account.permanentlyLockedOut()) {
      // Suspended through this organization already: a new reason replaces the old one.
      return Optional.empty();
    }
    return Optional.of(
        "the member is disabled already, "
            + disabledBy(account)
            + "; a suspension through this organization would let it re-enable them, so a realm"
            + " admin acts on them");
  }

  /** Why {@code by} may not lift the user's suspension now; empty when they may. */
  static Optional<String> refuseUnsuspend(Suspender by, Account account) {
    if (!by.delegated()) {
      return Optional.empty();
    }
    if (account.permanentlyLockedOut()) {
      return Optional.of(
          "the member is locked out after failed sign-ins; only a realm admin lifts a lockout");
    }
    if (account.suspendedThrough(by.organization())) {
      return Optional.empty();
    }
    if (!account.enabled()) {
      return Optional.of(
          "the member is disabled "
              + disabledBy(account)
              + ", not suspended through this organization; only "
              + (account.suspended() && account.suspendedVia() != null
                  ? "that organization's admins or a realm admin lift it"
                  : "a realm admin lifts it"));
    }
    if (account.temporarilyLockedOut()) {
      return Optional.of(
          "the member is not suspended but locked out for a while after failed sign-ins; the"
              + " lockout ends by itself, or a realm admin lifts it");
    }
    return Optional.of("the member is not suspended");
  }

  private static String disabledBy(Account account) {
    if (account.permanentlyLockedOut()) {
      return "locked out after failed sign-ins";
    }
    if (account.suspended()) {
      return account.suspendedVia() == null
          ? "by a realm admin's suspension"
          : "by a suspension through another organization";
    }
    return "by a realm admin or by Keycloak";
  }
}

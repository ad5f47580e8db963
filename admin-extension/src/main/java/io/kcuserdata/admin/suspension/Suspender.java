package io.kcuserdata.admin.suspension;

import java.util.Objects;

/**
 * Who suspends a user or lifts a suspension: a realm admin, or a delegated admin acting through one
 * organization. Recorded with the suspension ({@code status.suspended_by}, {@code
 * status.suspended_via}), so that an organization lifts only its own suspensions.
 *
 * @param userId the acting admin's user id
 * @param organization the alias of the organization a delegated admin acts through; {@code null}
 *     for a realm admin
 */
public record Suspender(String userId, String organization) {

  public Suspender {
    Objects.requireNonNull(userId, "userId");
  }

  public static Suspender realmAdmin(String userId) {
    return new Suspender(userId, null);
  }

  public static Suspender throughOrganization(String userId, String alias) {
    return new Suspender(userId, Objects.requireNonNull(alias, "alias"));
  }

  public boolean delegated() {
    return organization != null;
  }
}

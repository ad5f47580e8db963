package io.kcuserdata.admin.delegation;

import static org.assertj.core.api.Assertions.assertThat;

import io.kcuserdata.admin.delegation.MemberProtection.HeldRole;
import io.kcuserdata.admin.delegation.MemberProtection.Reason;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class MemberProtectionTest {

  /** What {@code default-roles-acme} expands to in a new realm. */
  private static final Set<HeldRole> DEFAULTS =
      Set.of(
          HeldRole.realm("default-roles-acme"),
          HeldRole.realm("offline_access"),
          HeldRole.realm("uma_authorization"),
          HeldRole.client("account", "view-profile"),
          HeldRole.client("account", "manage-account"),
          HeldRole.client("account", "manage-account-links"));

  private static Optional<Reason> member(String realm, Set<HeldRole> effective) {
    return MemberProtection.of(realm, false, effective, DEFAULTS, () -> false);
  }

  private static Set<HeldRole> defaultsAnd(HeldRole... more) {
    Set<HeldRole> roles = new HashSet<>(DEFAULTS);
    roles.addAll(Set.of(more));
    return roles;
  }

  @Nested
  class AnOrdinaryMember {

    @Test
    void holdsTheRealmsDefaultRolesOrFewerAndAdministersNoOrganization() {
      assertThat(member("acme", DEFAULTS)).isEmpty();
      assertThat(member("acme", Set.of(HeldRole.realm("default-roles-acme")))).isEmpty();
      assertThat(member("acme", Set.of())).isEmpty();
    }
  }

  @Nested
  class AProtectedMember {

    @Test
    void isAServiceAccount() {
      assertThat(MemberProtection.of("acme", true, DEFAULTS, DEFAULTS, () -> false))
          .contains(Reason.SERVICE_ACCOUNT);
    }

    @Test
    void holdsAnApplicationsRole() {
      assertThat(member("acme", defaultsAnd(HeldRole.client("billing", "approver"))))
          .contains(Reason.ROLES_BEYOND_DEFAULTS);
    }

    @Test
    void holdsARealmRoleBeyondTheDefaults() {
      assertThat(member("acme", defaultsAnd(HeldRole.realm("auditor"))))
          .contains(Reason.ROLES_BEYOND_DEFAULTS);
    }

    @Test
    void holdsAnAccountRoleTheDefaultsDoNotGive() {
      assertThat(member("acme", defaultsAnd(HeldRole.client("account", "delete-account"))))
          .contains(Reason.ROLES_BEYOND_DEFAULTS);
    }

    @Test
    void administersTheRealmEvenWhenTheRealmMadeThatRoleADefault() {
      HeldRole viewUsers = HeldRole.client("realm-management", "view-users");
      Set<HeldRole> generousDefaults = defaultsAnd(viewUsers);

      assertThat(
              MemberProtection.of("acme", false, generousDefaults, generousDefaults, () -> false))
          .contains(Reason.ADMINISTRATOR);
    }

    @Test
    void administersTheServerInTheMasterRealm() {
      assertThat(member("master", defaultsAnd(HeldRole.realm("admin"))))
          .contains(Reason.ADMINISTRATOR);
      assertThat(member("master", defaultsAnd(HeldRole.realm("create-realm"))))
          .contains(Reason.ADMINISTRATOR);
      assertThat(member("master", defaultsAnd(HeldRole.client("acme-realm", "manage-users"))))
          .contains(Reason.ADMINISTRATOR);
    }

    @Test
    void isADelegatedAdminOfAnyOrganization() {
      assertThat(MemberProtection.of("acme", false, DEFAULTS, DEFAULTS, () -> true))
          .contains(Reason.DELEGATED_ADMIN);
    }
  }

  @Nested
  class WhatMakesAnAdministrator {

    @Test
    void isARoleOfRealmManagementInAnyRealm() {
      assertThat(
              MemberProtection.administers(
                  HeldRole.client("realm-management", "query-users"), false))
          .isTrue();
    }

    @Test
    void inAnotherRealmIsNotARoleMerelyNamedLikeTheMasterRealmsOnes() {
      assertThat(MemberProtection.administers(HeldRole.realm("admin"), false)).isFalse();
      assertThat(MemberProtection.administers(HeldRole.client("acme-realm", "x"), false)).isFalse();
      assertThat(MemberProtection.administers(HeldRole.client("billing", "admin"), true)).isFalse();
    }
  }

  @Nested
  class TheOrganizationsQuery {

    @Test
    void runsOnlyWhenNothingElseProtectsTheMember() {
      AtomicInteger asked = new AtomicInteger();

      MemberProtection.of(
          "acme",
          false,
          defaultsAnd(HeldRole.realm("auditor")),
          DEFAULTS,
          () -> asked.incrementAndGet() > 0);
      MemberProtection.of("acme", true, DEFAULTS, DEFAULTS, () -> asked.incrementAndGet() > 0);

      assertThat(asked).hasValue(0);
    }
  }

  @Test
  void eachRefusalSaysWhyAndWhoActsInstead() {
    assertThat(Reason.DELEGATED_ADMIN.refusal())
        .isEqualTo(
            "this member is a delegated admin of an organization; a realm admin acts on them");
    assertThat(Reason.ROLES_BEYOND_DEFAULTS.refusal())
        .contains("holds roles beyond the realm's defaults");
  }
}

package io.kcuserdata.admin.suspension;

import static org.assertj.core.api.Assertions.assertThat;

import io.kcuserdata.admin.suspension.SuspensionRules.Account;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SuspensionRulesTest {

  private static final Suspender REALM_ADMIN = Suspender.realmAdmin("admin-id");
  private static final Suspender ACME = Suspender.throughOrganization("lead-id", "acme");

  private static final Account ENABLED = new Account(true, false, null, false, false);
  private static final Account SUSPENDED_VIA_ACME = new Account(false, true, "acme", false, false);
  private static final Account SUSPENDED_VIA_GLOBEX =
      new Account(false, true, "globex", false, false);
  private static final Account SUSPENDED_BY_A_REALM_ADMIN =
      new Account(false, true, null, false, false);
  private static final Account DISABLED_IN_KEYCLOAK = new Account(false, false, null, false, false);
  private static final Account PERMANENTLY_LOCKED_OUT =
      new Account(false, false, null, true, false);
  private static final Account TEMPORARILY_LOCKED_OUT = new Account(true, false, null, false, true);

  @Nested
  class ARealmAdmin {

    @Test
    void suspendsAndUnsuspendsWhateverTheAccountsState() {
      for (Account account :
          new Account[] {
            ENABLED,
            SUSPENDED_VIA_ACME,
            SUSPENDED_VIA_GLOBEX,
            SUSPENDED_BY_A_REALM_ADMIN,
            DISABLED_IN_KEYCLOAK,
            PERMANENTLY_LOCKED_OUT,
            TEMPORARILY_LOCKED_OUT
          }) {
        assertThat(SuspensionRules.refuseSuspend(REALM_ADMIN, account)).as("%s", account).isEmpty();
        assertThat(SuspensionRules.refuseUnsuspend(REALM_ADMIN, account))
            .as("%s", account)
            .isEmpty();
      }
    }
  }

  @Nested
  class ADelegatedAdminSuspending {

    @Test
    void suspendsAnEnabledMemberEvenOneLockedOutForAWhile() {
      assertThat(SuspensionRules.refuseSuspend(ACME, ENABLED)).isEmpty();
      assertThat(SuspensionRules.refuseSuspend(ACME, TEMPORARILY_LOCKED_OUT)).isEmpty();
    }

    @Test
    void replacesTheReasonOfTheirOrganizationsOwnSuspension() {
      assertThat(SuspensionRules.refuseSuspend(ACME, SUSPENDED_VIA_ACME)).isEmpty();
    }

    @Test
    void neverTakesOverAnotherDisablement() {
      assertThat(SuspensionRules.refuseSuspend(ACME, DISABLED_IN_KEYCLOAK))
          .hasValueSatisfying(
              reason ->
                  assertThat(reason)
                      .contains("disabled already, by a realm admin or by Keycloak")
                      .contains("a realm admin acts on them"));
      assertThat(SuspensionRules.refuseSuspend(ACME, SUSPENDED_BY_A_REALM_ADMIN))
          .hasValueSatisfying(reason -> assertThat(reason).contains("a realm admin's suspension"));
      assertThat(SuspensionRules.refuseSuspend(ACME, SUSPENDED_VIA_GLOBEX))
          .hasValueSatisfying(
              reason ->
                  assertThat(reason).contains("another organization").doesNotContain("globex"));
      assertThat(SuspensionRules.refuseSuspend(ACME, PERMANENTLY_LOCKED_OUT))
          .hasValueSatisfying(reason -> assertThat(reason).contains("locked out"));
    }
  }

  @Nested
  class ADelegatedAdminUnsuspending {

    @Test
    void liftsTheirOrganizationsOwnSuspension() {
      assertThat(SuspensionRules.refuseUnsuspend(ACME, SUSPENDED_VIA_ACME)).isEmpty();
      assertThat(
              SuspensionRules.refuseUnsuspend(ACME, new Account(false, true, "acme", false, true)))
          .as("the lockout stays; the suspension goes")
          .isEmpty();
    }

    @Test
    void neverLiftsASuspensionMadeElsewhere() {
      assertThat(SuspensionRules.refuseUnsuspend(ACME, SUSPENDED_BY_A_REALM_ADMIN))
          .hasValueSatisfying(
              reason ->
                  assertThat(reason)
                      .contains("a realm admin's suspension")
                      .endsWith("only a realm admin lifts it"));
      assertThat(SuspensionRules.refuseUnsuspend(ACME, SUSPENDED_VIA_GLOBEX))
          .hasValueSatisfying(
              reason ->
                  assertThat(reason)
                      .contains("another organization")
                      .endsWith("that organization's admins or a realm admin lift it")
                      .doesNotContain("globex"));
    }

    @Test
    void neverReEnablesAUserDisabledOtherwise() {
      assertThat(SuspensionRules.refuseUnsuspend(ACME, DISABLED_IN_KEYCLOAK))
          .hasValueSatisfying(
              reason -> assertThat(reason).contains("disabled by a realm admin or by Keycloak"));
    }

    @Test
    void neverLiftsALockout() {
      assertThat(SuspensionRules.refuseUnsuspend(ACME, PERMANENTLY_LOCKED_OUT))
          .hasValueSatisfying(reason -> assertThat(reason).contains("locked out"));
      assertThat(SuspensionRules.refuseUnsuspend(ACME, TEMPORARILY_LOCKED_OUT))
          .hasValueSatisfying(reason -> assertThat(reason).contains("locked out for a while"));
      assertThat(
              SuspensionRules.refuseUnsuspend(ACME, new Account(false, true, "acme", true, false)))
          .as("suspended here, then locked out for good")
          .hasValueSatisfying(reason -> assertThat(reason).contains("locked out"));
    }

    @Test
    void saysWhenThereIsNothingToLift() {
      assertThat(SuspensionRules.refuseUnsuspend(ACME, ENABLED))
          .contains("the member is not suspended");
      assertThat(
              SuspensionRules.refuseUnsuspend(ACME, new Account(true, true, "acme", false, false)))
          .as("keys left after a realm admin re-enabled the member in Keycloak")
          .isEmpty();
    }
  }
}

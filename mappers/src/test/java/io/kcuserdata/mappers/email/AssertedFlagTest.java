package io.kcuserdata.mappers.email;

import static io.kcuserdata.mappers.email.VerifiedClaimTest.json;
import static io.kcuserdata.mappers.email.VerifiedFlag.FALSE;
import static io.kcuserdata.mappers.email.VerifiedFlag.INVALID;
import static io.kcuserdata.mappers.email.VerifiedFlag.MISSING;
import static io.kcuserdata.mappers.email.VerifiedFlag.TRUE;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Which claim set asserted which address, and whose verified flag counts for the address the
 * account gets (CVE-2026-14781). The sets come in Keycloak's order: ID token, access token,
 * userinfo.
 */
class AssertedFlagTest {

  private static final VerifiedClaim EMAIL_VERIFIED = VerifiedClaim.parse("email_verified");

  private static AddressAssertion says(String address, VerifiedFlag flag) {
    return new AddressAssertion(address, flag);
  }

  private static AssertedFlag forAddress(String address, AddressAssertion... sets) {
    return AssertedFlag.forAddress(address, List.of(sets));
  }

  @Nested
  class EachFlagSpeaksForItsOwnSetsAddress {

    @Test
    void theIdTokensYesVerifiesTheAddressTheIdTokenNames() {
      assertThat(forAddress("a@x.test", says("a@x.test", TRUE)))
          .isEqualTo(new AssertedFlag(TRUE, false));
    }

    @Test
    void theIdTokensYesDoesNotCarryOverToAnotherAddressFromUserinfo() {
      AssertedFlag flag = forAddress("b@y.test", says("a@x.test", TRUE), says("b@y.test", MISSING));

      assertThat(flag).isEqualTo(new AssertedFlag(MISSING, true));
    }

    @Test
    void userinfosYesVerifiesUserinfosAddressWhateverTheIdTokenSaysOfAnother() {
      assertThat(forAddress("b@y.test", says("a@x.test", FALSE), says("b@y.test", TRUE)))
          .isEqualTo(new AssertedFlag(TRUE, false));
      assertThat(forAddress("b@y.test", says("a@x.test", TRUE), says("b@y.test", TRUE)))
          .isEqualTo(new AssertedFlag(TRUE, true));
    }

    @Test
    void userinfoNamingTheIdTokensAddressWithoutAFlagLeavesTheIdTokensYes() {
      assertThat(forAddress("a@x.test", says("a@x.test", TRUE), says("a@x.test", MISSING)))
          .isEqualTo(new AssertedFlag(TRUE, false));
    }

    @Test
    void aYesInASetNamingNoAddressVouchesForNone() {
      assertThat(forAddress("b@y.test", says(null, TRUE), says("b@y.test", MISSING)))
          .isEqualTo(new AssertedFlag(MISSING, true));
    }

    @Test
    void addressesAreComparedWithoutRegardToCase() {
      assertThat(forAddress("Ann@Example.TEST", says("ann@example.test", TRUE)).flag())
          .isEqualTo(TRUE);
    }

    @Test
    void noSetsSayNothing() {
      assertThat(forAddress("a@x.test")).isEqualTo(new AssertedFlag(MISSING, false));
    }
  }

  @Nested
  class ANoIsHeardMoreWidely {

    @Test
    void aNoInAnotherSetNamingTheSameAddressSpoilsAYes() {
      assertThat(forAddress("a@x.test", says("a@x.test", TRUE), says("A@x.test", FALSE)).flag())
          .isEqualTo(FALSE);
      assertThat(forAddress("a@x.test", says("a@x.test", TRUE), says("a@x.test", INVALID)).flag())
          .isEqualTo(INVALID);
    }

    @Test
    void aNoInASetNamingNoAddressMayBeAboutThisOneAndSpoilsAYes() {
      assertThat(forAddress("a@x.test", says("a@x.test", TRUE), says(null, FALSE)).flag())
          .isEqualTo(FALSE);
      assertThat(forAddress("a@x.test", says(null, INVALID), says("a@x.test", TRUE)).flag())
          .isEqualTo(INVALID);
    }

    @Test
    void aNoAboutAnotherAddressHasNoSay() {
      assertThat(forAddress("a@x.test", says("a@x.test", TRUE), says("b@y.test", FALSE)))
          .isEqualTo(new AssertedFlag(TRUE, false));
    }
  }

  @Nested
  class WhatASetAsserts {

    @Test
    void theAddressIsTheSetsEmailClaimTrimmed() {
      assertThat(
              AddressAssertion.of(
                  json("{\"email\":\" a@x.test \",\"email_verified\":true}"), EMAIL_VERIFIED))
          .isEqualTo(says("a@x.test", TRUE));
    }

    @Test
    void anEmailClaimThatIsNotTextOrIsBlankNamesNoAddress() {
      for (String email : List.of("[\"a@x.test\"]", "{\"a\":1}", "42", "\" \"", "null")) {
        assertThat(
                AddressAssertion.of(
                    json("{\"email\":" + email + ",\"email_verified\":true}"), EMAIL_VERIFIED))
            .as(email)
            .isEqualTo(says(null, TRUE));
      }
    }

    @Test
    void theFlagIsReadAtTheConfiguredPath() {
      assertThat(
              AddressAssertion.of(
                  json("{\"email\":\"a@x.test\",\"ext\":{\"ok\":\"true\"}}"),
                  VerifiedClaim.parse("ext.ok")))
          .isEqualTo(says("a@x.test", TRUE));
    }
  }
}

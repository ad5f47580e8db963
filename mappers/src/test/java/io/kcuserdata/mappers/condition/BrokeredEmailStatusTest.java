package io.kcuserdata.mappers.condition;

import static org.assertj.core.api.Assertions.assertThat;

import io.kcuserdata.mappers.condition.BrokeredEmailStatus.ExistingAccount;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class BrokeredEmailStatusTest {

  @Nested
  class FromTheMappersNote {

    @Test
    void theNoteDecidesForTheAddressItWasAbout() {
      assertThat(
              BrokeredEmailStatus.fromMapper(
                      "true", "claim-true", "a@example.com", "A@Example.com", false)
                  .verified())
          .isTrue();
      assertThat(
              BrokeredEmailStatus.fromMapper(
                  "false", "claim-missing", "a@example.com", "a@example.com", false))
          .isEqualTo(new BrokeredEmailStatus(false, "mapper", "claim-missing", "a@example.com"));
    }

    @Test
    void anyOtherAddressIsNotVerified() {
      assertThat(
              BrokeredEmailStatus.fromMapper(
                  "true", "policy-always", "a@example.com", "b@example.com", false))
          .isEqualTo(new BrokeredEmailStatus(false, "mapper", "email-replaced", "b@example.com"));
    }

    @Test
    void anAddressEditedOnTheReviewPageIsNotVerified() {
      assertThat(
              BrokeredEmailStatus.fromMapper(
                      "true", "claim-true", "a@example.com", "a@example.com", true)
                  .verified())
          .isFalse();
      assertThat(BrokeredEmailStatus.fromMapperNote("true", "claim-true", true).verified())
          .isFalse();
    }

    @Test
    void noAddressIsNotVerified() {
      assertThat(
              BrokeredEmailStatus.fromMapper("true", "claim-true", "a@example.com", null, false)
                  .verified())
          .isFalse();
      assertThat(BrokeredEmailStatus.fromMapper("true", "claim-true", null, " ", false).verified())
          .isFalse();
    }

    @Test
    void onlyTheExactNoteTrueCounts() {
      assertThat(BrokeredEmailStatus.fromMapperNote("TRUE", null, false).verified()).isFalse();
      assertThat(BrokeredEmailStatus.fromMapperNote("true", null, false))
          .isEqualTo(new BrokeredEmailStatus(true, "mapper", "unknown", null));
    }
  }

  @Nested
  class FromKeycloak {

    @Test
    void trustEmailWithAMissingClaimIsKeycloaksYes() {
      assertThat(BrokeredEmailStatus.fromKeycloak(true, null, null, "a@example.com", false))
          .isEqualTo(new BrokeredEmailStatus(true, "keycloak", "trust-email", "a@example.com"));
    }

    @Test
    void noTrustEmailIsKeycloaksNo() {
      assertThat(
              BrokeredEmailStatus.fromKeycloak(
                  false, true, "a@example.com", "a@example.com", false))
          .isEqualTo(new BrokeredEmailStatus(false, "keycloak", "no-trust-email", "a@example.com"));
    }
  }

  @Nested
  class Matching {

    private final BrokeredEmailStatus verified =
        new BrokeredEmailStatus(true, "mapper", "claim-true", "a@example.com");
    private final BrokeredEmailStatus unverified =
        new BrokeredEmailStatus(false, "mapper", "claim-false", "a@example.com");

    @Test
    void negateTurnsTheAnswerAround() {
      assertThat(verified.matches(false, null, false)).isTrue();
      assertThat(verified.matches(false, null, true)).isFalse();
      assertThat(unverified.matches(false, null, false)).isFalse();
      assertThat(unverified.matches(false, null, true)).isTrue();
    }

    @Test
    void withoutABrokeredLoginTheConditionIsFalseAndItsNegationTrue() {
      assertThat(BrokeredEmailStatus.none().matches(false, null, false)).isFalse();
      assertThat(BrokeredEmailStatus.none().matches(false, null, true)).isTrue();
    }

    @Test
    void requiringAVerifiedExistingAccountNeedsTheSameAddressVerifiedThere() {
      assertThat(verified.matches(true, new ExistingAccount("A@example.com", true), false))
          .isTrue();
      assertThat(verified.matches(true, new ExistingAccount("a@example.com", false), false))
          .isFalse();
      assertThat(verified.matches(true, new ExistingAccount("other@example.com", true), false))
          .isFalse();
      assertThat(verified.matches(true, null, false)).isFalse();
    }

    @Test
    void theNegatedBranchTakesEveryCaseTheOtherRefuses() {
      ExistingAccount unverifiedAccount = new ExistingAccount("a@example.com", false);
      assertThat(verified.matches(true, unverifiedAccount, true)).isTrue();
      assertThat(unverified.matches(true, new ExistingAccount("a@example.com", true), true))
          .isTrue();
    }
  }
}

package io.kcuserdata.mappers.email;

import static io.kcuserdata.mappers.email.EmailVerificationPolicy.ALWAYS;
import static io.kcuserdata.mappers.email.EmailVerificationPolicy.CLAIM;
import static io.kcuserdata.mappers.email.EmailVerificationPolicy.NEVER;
import static org.assertj.core.api.Assertions.assertThat;

import io.kcuserdata.mappers.email.LocalOutcome.Result;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The policy table: policy × provider flag × address changed or not × verified here before. */
class EmailVerificationDecisionTest {

  private static final AssertedFlag YES = new AssertedFlag(VerifiedFlag.TRUE, false);

  private static BrokeredVerdict verdict(EmailVerificationPolicy policy, String claimJson) {
    VerifiedFlag flag =
        claimJson == null
            ? VerifiedFlag.MISSING
            : VerifiedFlag.of(VerifiedClaimTest.json(claimJson));
    return EmailVerificationDecision.verdict(policy, new AssertedFlag(flag, false), true, false);
  }

  /** The account holds the brokered address now; changed means it did not before this login. */
  private static LocalOutcome apply(
      EmailVerificationPolicy policy, String claimJson, boolean changed, boolean verifiedBefore) {
    return EmailVerificationDecision.local(
        verdict(policy, claimJson), new LocalEmail(true, !changed, verifiedBefore), false);
  }

  @Nested
  class ProviderVerdict {

    @Test
    void underClaimOnlyATrueFlagVerifies() {
      assertThat(verdict(CLAIM, "true")).isEqualTo(new BrokeredVerdict(true, "claim-true"));
      assertThat(verdict(CLAIM, "\"true\"")).isEqualTo(new BrokeredVerdict(true, "claim-true"));
      assertThat(verdict(CLAIM, "false")).isEqualTo(new BrokeredVerdict(false, "claim-false"));
      assertThat(verdict(CLAIM, null)).isEqualTo(new BrokeredVerdict(false, "claim-missing"));
      assertThat(verdict(CLAIM, "\"yes\"")).isEqualTo(new BrokeredVerdict(false, "claim-invalid"));
    }

    @Test
    void underClaimAYesOnlyForAnotherAddressIsNoAndSaysSo() {
      AssertedFlag elsewhere = new AssertedFlag(VerifiedFlag.MISSING, true);

      assertThat(EmailVerificationDecision.verdict(CLAIM, elsewhere, true, false))
          .isEqualTo(new BrokeredVerdict(false, "claim-other-address"));
      assertThat(
              EmailVerificationDecision.verdict(
                  CLAIM, new AssertedFlag(VerifiedFlag.FALSE, true), true, false))
          .isEqualTo(new BrokeredVerdict(false, "claim-false"));
    }

    @Test
    void alwaysAndNeverDoNotLookAtWhichAddressTheFlagWasFor() {
      AssertedFlag elsewhere = new AssertedFlag(VerifiedFlag.MISSING, true);

      assertThat(EmailVerificationDecision.verdict(ALWAYS, elsewhere, true, false))
          .isEqualTo(new BrokeredVerdict(true, "policy-always"));
      assertThat(EmailVerificationDecision.verdict(NEVER, elsewhere, true, false))
          .isEqualTo(new BrokeredVerdict(false, "policy-never"));
    }

    @Test
    void alwaysVerifiesWhateverTheFlagSays() {
      for (String claim : new String[] {"true", "false", null, "\"true\"", "1"}) {
        assertThat(verdict(ALWAYS, claim)).isEqualTo(new BrokeredVerdict(true, "policy-always"));
      }
    }

    @Test
    void neverVerifiesWhateverTheFlagSays() {
      for (String claim : new String[] {"true", "false", null, "\"true\""}) {
        assertThat(verdict(NEVER, claim)).isEqualTo(new BrokeredVerdict(false, "policy-never"));
      }
    }

    @Test
    void noAddressIsNeverVerified() {
      for (EmailVerificationPolicy policy : EmailVerificationPolicy.values()) {
        assertThat(EmailVerificationDecision.verdict(policy, YES, false, false))
            .isEqualTo(new BrokeredVerdict(false, "no-email"));
      }
    }

    @Test
    void anAddressTheProviderDidNotSendIsNeverVerifiedEvenUnderAlways() {
      for (EmailVerificationPolicy policy : EmailVerificationPolicy.values()) {
        assertThat(EmailVerificationDecision.verdict(policy, YES, true, true))
            .isEqualTo(new BrokeredVerdict(false, "email-replaced"));
      }
    }
  }

  @Nested
  class SameAddressAsBefore {

    @Test
    void anAddressVerifiedHereStaysVerifiedUnderEveryPolicyAndFlag() {
      for (EmailVerificationPolicy policy : EmailVerificationPolicy.values()) {
        for (String claim : new String[] {"true", "false", null, "\"true\""}) {
          assertThat(apply(policy, claim, false, true))
              .isEqualTo(new LocalOutcome(Result.KEPT_VERIFIED, "already-verified-locally", false));
        }
      }
    }

    @Test
    void anUnverifiedAddressGetsTheProvidersVerdict() {
      assertThat(apply(CLAIM, "true", false, false).result()).isEqualTo(Result.VERIFIED);
      assertThat(apply(CLAIM, "false", false, false).result()).isEqualTo(Result.UNVERIFIED);
      assertThat(apply(ALWAYS, null, false, false).result()).isEqualTo(Result.VERIFIED);
      assertThat(apply(NEVER, "true", false, false).result()).isEqualTo(Result.UNVERIFIED);
    }
  }

  @Nested
  class NewOrChangedAddress {

    @Test
    void aFlagKeycloakSetByTrustEmailDoesNotSurviveAMissingClaim() {
      assertThat(apply(CLAIM, null, true, true))
          .isEqualTo(new LocalOutcome(Result.UNVERIFIED, "claim-missing", false));
    }

    @Test
    void theNewAddressIsVerifiedOnlyIfThePolicyVerifiesIt() {
      assertThat(apply(CLAIM, "true", true, false))
          .isEqualTo(new LocalOutcome(Result.VERIFIED, "claim-true", false));
      assertThat(apply(CLAIM, "\"true\"", true, true).result()).isEqualTo(Result.VERIFIED);
      assertThat(apply(CLAIM, "false", true, true).result()).isEqualTo(Result.UNVERIFIED);
      assertThat(apply(ALWAYS, "false", true, false).result()).isEqualTo(Result.VERIFIED);
      assertThat(apply(NEVER, "true", true, true).result()).isEqualTo(Result.UNVERIFIED);
    }
  }

  @Nested
  class Account {

    @Test
    void anAccountHoldingAnotherAddressIsNotTouched() {
      LocalOutcome outcome =
          EmailVerificationDecision.local(
              BrokeredVerdict.verified("policy-always"), new LocalEmail(false, false, false), true);

      assertThat(outcome).isEqualTo(new LocalOutcome(Result.UNTOUCHED, "address-differs", false));
      assertThat(outcome.emailVerified()).isNull();
    }

    @Test
    void theVerifyEmailActionIsAddedOnlyWhenAskedAndTheAccountIsLeftUnverified() {
      LocalEmail changed = new LocalEmail(true, false, false);
      assertThat(
              EmailVerificationDecision.local(
                      BrokeredVerdict.unverified("claim-false"), changed, true)
                  .addVerifyEmailAction())
          .isTrue();
      assertThat(
              EmailVerificationDecision.local(
                      BrokeredVerdict.unverified("claim-false"), changed, false)
                  .addVerifyEmailAction())
          .isFalse();
      assertThat(
              EmailVerificationDecision.local(BrokeredVerdict.verified("claim-true"), changed, true)
                  .addVerifyEmailAction())
          .isFalse();
      assertThat(
              EmailVerificationDecision.local(
                      BrokeredVerdict.unverified("claim-false"),
                      new LocalEmail(true, true, true),
                      true)
                  .addVerifyEmailAction())
          .isFalse();
    }

    @Test
    void outcomesNameTheFlagToSet() {
      assertThat(new LocalOutcome(Result.VERIFIED, "r", false).emailVerified()).isTrue();
      assertThat(new LocalOutcome(Result.KEPT_VERIFIED, "r", false).emailVerified()).isTrue();
      assertThat(new LocalOutcome(Result.UNVERIFIED, "r", false).emailVerified()).isFalse();
      assertThat(Result.KEPT_VERIFIED.value()).isEqualTo("kept-verified");
    }
  }

  static Stream<Arguments> everyCombination() {
    List<Arguments> rows = new ArrayList<>();
    for (EmailVerificationPolicy policy : EmailVerificationPolicy.values()) {
      for (String claim : new String[] {"true", "false", null, "\"true\""}) {
        for (boolean changed : new boolean[] {true, false}) {
          for (boolean verifiedBefore : new boolean[] {true, false}) {
            rows.add(Arguments.of(policy, claim, changed, verifiedBefore));
          }
        }
      }
    }
    return rows.stream();
  }

  @ParameterizedTest(name = "{0} claim={1} changed={2} verifiedBefore={3}")
  @MethodSource("everyCombination")
  void theAccountEndsVerifiedExactlyWhenTheProviderVouchesOrItsOwnUnchangedAddressWasVerified(
      EmailVerificationPolicy policy, String claim, boolean changed, boolean verifiedBefore) {
    boolean providerVouches =
        policy == ALWAYS || policy == CLAIM && claim != null && claim.contains("true");

    assertThat(apply(policy, claim, changed, verifiedBefore).emailVerified())
        .isEqualTo(providerVouches || !changed && verifiedBefore);
  }
}

package io.kcuserdata.mappers.email;

/** The verified-email policy as two plain functions: the provider's verdict, then the account. */
final class EmailVerificationDecision {

  private EmailVerificationDecision() {}

  /**
   * Whether the provider vouches for the address it sent.
   *
   * @param claim the provider's flag for the address it sent, from the claim sets that name that
   *     address; only read under {@link EmailVerificationPolicy#CLAIM}
   * @param replaced the address is no longer the one the provider sent (typed on Keycloak's
   *     review-profile page, or rewritten by another mapper): the provider never vouched for it
   */
  static BrokeredVerdict verdict(
      EmailVerificationPolicy policy, AssertedFlag claim, boolean hasEmail, boolean replaced) {
    if (!hasEmail) {
      return BrokeredVerdict.unverified(BrokeredVerdict.NO_EMAIL);
    }
    if (replaced) {
      return BrokeredVerdict.unverified(BrokeredVerdict.EMAIL_REPLACED);
    }
    return switch (policy) {
      case ALWAYS -> BrokeredVerdict.verified(BrokeredVerdict.POLICY_ALWAYS);
      case NEVER -> BrokeredVerdict.unverified(BrokeredVerdict.POLICY_NEVER);
      case CLAIM ->
          switch (claim.flag()) {
            case TRUE -> BrokeredVerdict.verified(BrokeredVerdict.CLAIM_TRUE);
            case FALSE -> BrokeredVerdict.unverified(BrokeredVerdict.CLAIM_FALSE);
            case INVALID -> BrokeredVerdict.unverified(BrokeredVerdict.CLAIM_INVALID);
            case MISSING ->
                BrokeredVerdict.unverified(
                    claim.trueForAnotherAddress()
                        ? BrokeredVerdict.CLAIM_OTHER_ADDRESS
                        : BrokeredVerdict.CLAIM_MISSING);
          };
    };
  }

  /**
   * What to do with the account's flag. A verification the user made here survives only for the
   * same address; a new or changed address gets exactly the provider's verdict, whatever Keycloak's
   * Trust Email set a moment before.
   */
  static LocalOutcome local(
      BrokeredVerdict verdict, LocalEmail account, boolean requireVerifyAction) {
    if (!account.holdsBrokeredAddress()) {
      return new LocalOutcome(LocalOutcome.Result.UNTOUCHED, LocalOutcome.ADDRESS_DIFFERS, false);
    }
    if (account.heldItBefore() && account.verifiedNow()) {
      return new LocalOutcome(
          LocalOutcome.Result.KEPT_VERIFIED, LocalOutcome.ALREADY_VERIFIED_LOCALLY, false);
    }
    if (verdict.verified()) {
      return new LocalOutcome(LocalOutcome.Result.VERIFIED, verdict.reason(), false);
    }
    return new LocalOutcome(LocalOutcome.Result.UNVERIFIED, verdict.reason(), requireVerifyAction);
  }
}

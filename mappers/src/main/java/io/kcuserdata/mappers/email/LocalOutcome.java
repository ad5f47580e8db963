package io.kcuserdata.mappers.email;

import java.util.Locale;

/**
 * What the mapper does to the local account's email-verified flag, and why.
 *
 * @param reason a stable code: the verdict's reason, or {@link #ALREADY_VERIFIED_LOCALLY}, or
 *     {@link #ADDRESS_DIFFERS}
 */
record LocalOutcome(Result result, String reason, boolean addVerifyEmailAction) {

  static final String ALREADY_VERIFIED_LOCALLY = "already-verified-locally";
  static final String ADDRESS_DIFFERS = "address-differs";

  enum Result {
    /** Marked verified because the provider vouches for the address. */
    VERIFIED,
    /** Marked unverified. */
    UNVERIFIED,
    /** Left verified: the user verified this very address here before. */
    KEPT_VERIFIED,
    /** Not touched: the account's address is not the one the provider sent. */
    UNTOUCHED;

    /** The note value: verified, unverified, kept-verified, untouched. */
    String value() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  /** The flag to set, or null to leave it as it is. */
  Boolean emailVerified() {
    return switch (result) {
      case VERIFIED, KEPT_VERIFIED -> Boolean.TRUE;
      case UNVERIFIED -> Boolean.FALSE;
      case UNTOUCHED -> null;
    };
  }
}

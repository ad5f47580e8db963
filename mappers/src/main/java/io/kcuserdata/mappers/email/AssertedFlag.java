package io.kcuserdata.mappers.email;

import java.util.List;

/**
 * The provider's verified flag as it bears on one address, over every claim set of the login.
 *
 * <p>Only a set that names this same address can vouch for it: a {@code true} in a set naming
 * another address, or no address at all, says nothing about this one (CVE-2026-14781: the ID token
 * vouching for {@code a@x} while userinfo hands over {@code b@y}). A no is heard more widely: a
 * {@code false} or unreadable flag in a set naming this address, or naming none (it may be about
 * this one), spoils a yes elsewhere; a set naming another address has no say either way.
 *
 * @param flag what the sets that can speak for the address say, combined with {@link
 *     VerifiedFlag#and}
 * @param trueForAnotherAddress some set said {@code true} that could not speak for this address, so
 *     a missing flag is told apart from a flag that was about something else
 */
record AssertedFlag(VerifiedFlag flag, boolean trueForAnotherAddress) {

  static final AssertedFlag NOT_READ = new AssertedFlag(VerifiedFlag.MISSING, false);

  static AssertedFlag forAddress(String address, List<AddressAssertion> assertions) {
    VerifiedFlag flag = VerifiedFlag.MISSING;
    boolean elsewhere = false;
    for (AddressAssertion assertion : assertions) {
      if (assertion.names(address)) {
        flag = flag.and(assertion.flag());
      } else if (assertion.flag() == VerifiedFlag.TRUE) {
        elsewhere = true;
      } else if (assertion.address() == null) {
        flag = flag.and(assertion.flag());
      }
    }
    return new AssertedFlag(flag, elsewhere);
  }
}

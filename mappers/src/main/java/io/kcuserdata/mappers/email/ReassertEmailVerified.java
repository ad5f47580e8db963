package io.kcuserdata.mappers.email;

import org.keycloak.models.AbstractKeycloakTransaction;
import org.keycloak.models.UserModel;

/**
 * Sets the account's email-verified flag once more in the prepare phase of the request's
 * transaction, after every broker step. Keycloak calls the provider's {@code updateBrokeredUser}
 * after the mappers' {@code importNewUser}, and that sets the flag from Trust Email (or the ID
 * token's email_verified). Only while the account still holds the address the decision was about.
 */
final class ReassertEmailVerified extends AbstractKeycloakTransaction {

  private final UserModel user;
  private final String address;
  private final boolean verified;

  ReassertEmailVerified(UserModel user, String address, boolean verified) {
    this.user = user;
    this.address = address;
    this.verified = verified;
  }

  @Override
  protected void commitImpl() {
    if (address.equalsIgnoreCase(user.getEmail()) && user.isEmailVerified() != verified) {
      user.setEmailVerified(verified);
    }
  }

  @Override
  protected void rollbackImpl() {
    // Nothing was written outside the main transaction.
  }
}

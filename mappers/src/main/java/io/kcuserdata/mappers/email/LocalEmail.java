package io.kcuserdata.mappers.email;

/**
 * The local account the mapper is about to update, as far as its email goes.
 *
 * @param holdsBrokeredAddress the account's email is the brokered address now (after Keycloak's own
 *     sync of the email, if any)
 * @param heldItBefore the account already had that address before this login
 * @param verifiedNow the account's email-verified flag now
 */
record LocalEmail(boolean holdsBrokeredAddress, boolean heldItBefore, boolean verifiedNow) {}

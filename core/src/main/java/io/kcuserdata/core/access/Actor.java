package io.kcuserdata.core.access;

/** Who reads or writes a user's data; the access table has one column per actor. */
public enum Actor {
  /** The user, through self-service: the pack's {@code /me}, the Account API, login forms. */
  USER,
  /** A realm administrator with the view-users or manage-users permission. */
  ADMIN,
  /** An administrator of some organizations only, for their members' {@code org.<alias>} data. */
  DELEGATED_ADMIN,
  /** An identity-provider mapper during a brokered login. */
  IDP_MAPPER,
  /** The pack itself: the account-status tracker, suspension. */
  SYSTEM
}

package io.kcuserdata.admin.passwords;

/**
 * An imported {@code password_hash} object broke a rule. The message names the field and the rule,
 * and never contains the hash or salt: imports are logged and returned to admins.
 */
public class InvalidPasswordHashException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message naming the offending field and rule. */
  public InvalidPasswordHashException(String message) {
    super(message);
  }
}

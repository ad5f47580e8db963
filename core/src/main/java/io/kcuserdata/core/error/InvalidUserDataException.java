package io.kcuserdata.core.error;

/**
 * A write that breaks a rule of the user-data model. It names the offending key (or namespace) and
 * the rule, and is answered with {@code 400 invalid_user_data}; nothing of the write is kept.
 */
public class InvalidUserDataException extends RuntimeException {

  private final String where;
  private final String rule;

  public InvalidUserDataException(String where, String rule) {
    super(where + ": " + rule);
    this.where = where;
    this.rule = rule;
  }

  /** The namespace or {@code namespace.key} path the rule was broken at. */
  public String where() {
    return where;
  }

  public String rule() {
    return rule;
  }
}

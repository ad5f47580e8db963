package io.kcuserdata.core.error;

import java.util.Optional;

/**
 * A write that breaks a rule of the user-data model. It names the offending key (or namespace) and
 * the rule, and is answered with {@code 400 invalid_user_data}; nothing of the write is kept.
 */
public class InvalidUserDataException extends RuntimeException {

  private final String where;
  private final String rule;
  private final String messageKey;

  public InvalidUserDataException(String where, String rule) {
    this(where, rule, null);
  }

  /**
   * @param messageKey the message key of Keycloak's validator for the same rule, so that forms show
   *     Keycloak's translated message; {@code null} for rules of the pack alone
   */
  public InvalidUserDataException(String where, String rule, String messageKey) {
    super(where + ": " + rule);
    this.where = where;
    this.rule = rule;
    this.messageKey = messageKey;
  }

  /** The namespace or {@code namespace.key} path the rule was broken at. */
  public String where() {
    return where;
  }

  public String rule() {
    return rule;
  }

  /** Keycloak's message key for the broken rule, when Keycloak has a validator for it. */
  public Optional<String> messageKey() {
    return Optional.ofNullable(messageKey);
  }
}

package io.kcuserdata.mappers.claims;

import org.keycloak.protocol.ProtocolMapperConfigException;

/**
 * Builds the exceptions {@code validateConfig} throws. Keycloak's admin API looks the message key
 * up in its message bundle ({@code Properties.getProperty} cannot take a null key) and then runs
 * the message through {@code MessageFormat}: so every exception carries a key the bundle does not
 * hold, and no message contains a brace or an apostrophe, which {@code MessageFormat} would eat or
 * choke on.
 */
final class ConfigProblems {

  /** Not in Keycloak's bundle on purpose: the admin then sees our English message as it is. */
  static final String MESSAGE_KEY = "userdataNamespaceClaimMapper.invalidConfig";

  private static final int SHOWN_LENGTH = 80;

  private ConfigProblems() {}

  static ProtocolMapperConfigException invalid(String message) {
    return new ProtocolMapperConfigException(message, MESSAGE_KEY);
  }

  /** An admin's value quoted in a message, made safe for {@code MessageFormat}. */
  static String shown(String value) {
    StringBuilder shown = new StringBuilder("\"");
    value
        .codePoints()
        .limit(SHOWN_LENGTH)
        .forEach(
            c -> {
              boolean unsafe = c == '{' || c == '}' || c == '\'' || Character.isISOControl(c);
              shown.appendCodePoint(unsafe ? '?' : c);
            });
    if (value.codePointCount(0, value.length()) > SHOWN_LENGTH) {
      shown.append("...");
    }
    return shown.append('"').toString();
  }
}

package io.kcuserdata.mappers.email;

/**
 * A mapper config that breaks a rule. Keycloak 26 has no save-time validation hook for identity
 * provider mappers, so this surfaces when the mapper runs; the message names the key and the rule,
 * never the value.
 */
public final class InvalidMapperConfigException extends Exception {

  private static final long serialVersionUID = 1L;

  private final String key;

  InvalidMapperConfigException(String key, String problem) {
    super("Config key '" + key + "' " + problem);
    this.key = key;
  }

  public String key() {
    return key;
  }
}

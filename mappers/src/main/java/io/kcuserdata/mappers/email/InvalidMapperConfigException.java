package io.kcuserdata.mappers.email;

/**
 * A mapper config that breaks a rule: refused when saved through the admin API, and caught again
 * when the mapper runs for configs stored before (or imported around) that check; the message names
 * the key and the rule, never the value.
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

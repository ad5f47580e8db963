package io.kcuserdata.events.options;

import org.keycloak.Config;

/**
 * A whole-number SPI option of one of the pack's providers, read once at startup: a value that is
 * not a number, or out of range, stops the server with the provider, the option and the range,
 * rather than Keycloak's bare {@code NumberFormatException}.
 */
public final class WholeNumberOption {

  private WholeNumberOption() {}

  public static int read(
      Config.Scope config, String provider, String key, int fallback, int min, int max) {
    Integer value;
    try {
      value = config.getInt(key, fallback);
    } catch (NumberFormatException e) {
      value = null;
    }
    if (value == null || value < min || value > max) {
      throw new IllegalArgumentException(
          provider
              + ": "
              + key
              + " must be from "
              + min
              + " to "
              + max
              + ", not '"
              + config.get(key)
              + "'");
    }
    return value;
  }
}

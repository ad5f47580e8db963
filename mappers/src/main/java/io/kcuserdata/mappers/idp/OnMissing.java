package io.kcuserdata.mappers.idp;

import java.util.Arrays;
import java.util.Optional;

/** {@code on.missing}: what a sync does when the provider no longer sends the claim. */
public enum OnMissing {
  KEEP("keep"),
  REMOVE("remove");

  private final String configValue;

  OnMissing(String configValue) {
    this.configValue = configValue;
  }

  public String configValue() {
    return configValue;
  }

  public static Optional<OnMissing> of(String configValue) {
    String wanted = configValue == null || configValue.isBlank() ? "keep" : configValue.trim();
    return Arrays.stream(values()).filter(p -> p.configValue.equals(wanted)).findFirst();
  }
}

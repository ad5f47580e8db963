package io.kcuserdata.mappers.idp;

import java.util.Arrays;
import java.util.Optional;

/** {@code update.policy}: what a sync does to a value that is already there. */
public enum UpdatePolicy {
  /** The provider's value replaces the stored one. */
  OVERWRITE("overwrite"),
  /** Only an absent value is written; a value that is there is never replaced or removed. */
  IF_EMPTY("if-empty"),
  /** The provider's value replaces the stored one while nobody changed it since the last sync. */
  PRESERVE_LOCAL_EDITS("preserve-local-edits");

  private final String configValue;

  UpdatePolicy(String configValue) {
    this.configValue = configValue;
  }

  public String configValue() {
    return configValue;
  }

  public static Optional<UpdatePolicy> of(String configValue) {
    String wanted = configValue == null || configValue.isBlank() ? "overwrite" : configValue.trim();
    return Arrays.stream(values()).filter(p -> p.configValue.equals(wanted)).findFirst();
  }
}

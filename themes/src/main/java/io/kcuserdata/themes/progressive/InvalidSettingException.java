package io.kcuserdata.themes.progressive;

/** A setting of the progressive-profile action that cannot be used, and why. */
public class InvalidSettingException extends RuntimeException {

  private final String setting;

  public InvalidSettingException(String setting, String problem) {
    super(setting + ": " + problem);
    this.setting = setting;
  }

  /** The config key at fault, so the admin console can point at the field. */
  public String setting() {
    return setting;
  }
}

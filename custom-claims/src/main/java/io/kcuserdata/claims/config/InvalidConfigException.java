package io.kcuserdata.claims.config;

/** A mapper config that cannot work; the message says which setting and why, for the admin. */
public class InvalidConfigException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public InvalidConfigException(String message) {
    super(message);
  }
}

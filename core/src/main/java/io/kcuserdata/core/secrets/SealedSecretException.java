package io.kcuserdata.core.secrets;

/** A sealed secret that cannot be opened (or a secret that cannot be sealed); never quotes it. */
public final class SealedSecretException extends Exception {

  public SealedSecretException(String message) {
    super(message);
  }
}

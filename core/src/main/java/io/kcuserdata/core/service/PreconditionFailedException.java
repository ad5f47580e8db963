package io.kcuserdata.core.service;

/** {@code If-Match} named a version of the user's data that is no longer current. */
public final class PreconditionFailedException extends RuntimeException {

  private final String currentEtag;

  public PreconditionFailedException(String currentEtag) {
    super("the user's data changed since it was read");
    this.currentEtag = currentEtag;
  }

  public String currentEtag() {
    return currentEtag;
  }
}

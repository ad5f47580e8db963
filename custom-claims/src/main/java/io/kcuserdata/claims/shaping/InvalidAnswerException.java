package io.kcuserdata.claims.shaping;

/** The API answered, but not with something the mapper can use; counts as a failed call. */
public class InvalidAnswerException extends Exception {

  private static final long serialVersionUID = 1L;

  public InvalidAnswerException(String message) {
    super(message);
  }
}

package io.kcuserdata.core.schema;

/**
 * A candidate schema the pack refuses to store: not JSON, not draft 2020-12, too large or deep, a
 * reference outside the document, or something the validator cannot compile. Answered {@code 400
 * invalid_schema}; the stored schema stays as it was.
 */
public final class InvalidSchemaException extends RuntimeException {

  public InvalidSchemaException(String message) {
    super(message);
  }
}

package io.kcuserdata.themes.progressive;

import java.util.List;

/** A prompt's post carried fields the prompt never asked for: nothing of it is written. */
public class UnexpectedFieldException extends RuntimeException {

  private final List<String> fields;

  public UnexpectedFieldException(List<String> fields) {
    super("fields not asked for: " + String.join(", ", fields));
    this.fields = List.copyOf(fields);
  }

  public List<String> fields() {
    return fields;
  }
}

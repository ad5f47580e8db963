package io.kcuserdata.core.schema;

/**
 * One way a namespace's content fails its schema.
 *
 * @param namespace the namespace written, {@code custom_data} or {@code org.acme}
 * @param pointer where in the namespace, as a JSON Pointer ({@code /plan}; {@code ""} for the
 *     namespace as a whole)
 * @param message what the schema asks there, never the value written
 */
public record SchemaViolation(String namespace, String pointer, String message) {

  /**
   * The top-level key the violation is at ({@code plan} for {@code /plan/tier}), or {@code null}
   * for the namespace as a whole: the field a form shows it at.
   */
  public String key() {
    if (pointer.length() < 2) {
      return null;
    }
    int end = pointer.indexOf('/', 1);
    String token = pointer.substring(1, end < 0 ? pointer.length() : end);
    return token.replace("~1", "/").replace("~0", "~");
  }

  @Override
  public String toString() {
    return namespace + pointer + ": " + message;
  }
}

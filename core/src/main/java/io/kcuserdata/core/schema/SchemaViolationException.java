package io.kcuserdata.core.schema;

import io.kcuserdata.core.error.InvalidUserDataException;
import java.util.List;

/**
 * A write whose result fails a namespace's JSON Schema: answered {@code 400 schema_violation} with
 * every violation, and nothing of the write is kept. It is an {@link InvalidUserDataException}, so
 * every path that refuses a bad value (a form field, a skipped IdP value, an import line) refuses
 * this one the same way.
 */
public final class SchemaViolationException extends InvalidUserDataException {

  private final List<SchemaViolation> violations;

  public SchemaViolationException(List<SchemaViolation> violations) {
    super(where(violations.get(0)), describe(violations));
    this.violations = List.copyOf(violations);
  }

  public List<SchemaViolation> violations() {
    return violations;
  }

  private static String where(SchemaViolation first) {
    String key = first.key();
    return key == null ? first.namespace() : first.namespace() + "." + key;
  }

  private static String describe(List<SchemaViolation> violations) {
    StringBuilder text = new StringBuilder("does not match the namespace's schema: ");
    text.append(violations.get(0).pointer().isEmpty() ? "" : violations.get(0).pointer() + " ");
    text.append(violations.get(0).message());
    if (violations.size() > 1) {
      text.append(" (and ").append(violations.size() - 1).append(" more)");
    }
    return text.toString();
  }
}

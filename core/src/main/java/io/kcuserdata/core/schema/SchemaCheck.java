package io.kcuserdata.core.schema;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kcuserdata.core.namespace.Namespace;
import java.util.List;

/** The schemas of one realm as the write path applies them: what a namespace's content breaks. */
@FunctionalInterface
public interface SchemaCheck {

  /** No schema at all. */
  SchemaCheck NONE = (namespace, content) -> List.of();

  /** Every violation of the schemas governing {@code namespace}; empty when it conforms. */
  List<SchemaViolation> violations(Namespace namespace, ObjectNode content);
}

package io.kcuserdata.core.service;

import io.kcuserdata.core.namespace.Namespace;
import java.util.Set;

/** What one write changed in one namespace: the top-level keys added, changed or removed. */
public record Change(Namespace namespace, Set<String> keys) {

  public Change {
    keys = Set.copyOf(keys);
  }
}

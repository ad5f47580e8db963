package io.kcuserdata.admin.userdata;

import io.kcuserdata.core.service.Change;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.services.resources.admin.AdminEventBuilder;

/**
 * Admin events for user-data writes: resource type {@code USER_DATA}, operation {@code UPDATE}, the
 * changed namespaces and keys as details and representation. Values are never included.
 */
final class UserDataAdminEvents {

  static final String RESOURCE_TYPE = "USER_DATA";

  private UserDataAdminEvents() {}

  /** A data-subject export: who read one person's whole record. */
  static void exported(AdminEventBuilder adminEvent, KeycloakSession session) {
    adminEvent
        .clone(session)
        .operation(OperationType.ACTION)
        .resource(RESOURCE_TYPE)
        .resourcePath(session.getContext().getUri())
        .detail("action", "export")
        .success();
  }

  static void changed(AdminEventBuilder adminEvent, KeycloakSession session, List<Change> changes) {
    if (changes.isEmpty()) {
      return;
    }
    Map<String, List<String>> byNamespace = new TreeMap<>();
    changes.forEach(
        c -> byNamespace.put(c.namespace().name(), List.copyOf(new TreeSet<>(c.keys()))));
    String keys =
        byNamespace.entrySet().stream()
            .flatMap(e -> e.getValue().stream().map(k -> e.getKey() + "." + k))
            .collect(Collectors.joining(","));
    adminEvent
        .clone(session)
        .operation(OperationType.UPDATE)
        .resource(RESOURCE_TYPE)
        .resourcePath(session.getContext().getUri())
        .representation(Map.of("changes", byNamespace))
        .detail("namespaces", String.join(",", byNamespace.keySet()))
        .detail("keys", keys)
        .success();
  }
}

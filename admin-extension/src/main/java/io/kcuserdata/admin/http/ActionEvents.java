package io.kcuserdata.admin.http;

import java.util.Map;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.services.resources.admin.AdminEventBuilder;

/**
 * Admin events for the pack's bulk actions (export, import): resource type {@code USER_DATA},
 * operation {@code ACTION}, what was asked as details. Never user data or credentials.
 */
public final class ActionEvents {

  public static final String RESOURCE_TYPE = "USER_DATA";

  private ActionEvents() {}

  public static void record(
      AdminEventBuilder adminEvent,
      KeycloakSession session,
      String action,
      Map<String, String> details) {
    AdminEventBuilder event =
        adminEvent
            .clone(session)
            .operation(OperationType.ACTION)
            .resource(RESOURCE_TYPE)
            .resourcePath(session.getContext().getUri())
            .detail("action", action);
    details.forEach(
        (name, value) -> {
          if (value != null) {
            event.detail(name, value);
          }
        });
    event.success();
  }
}

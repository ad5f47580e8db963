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

  /**
   * The event of an action whose details are known only when its streamed answer ends, started in
   * the request (which knows the resource path) and {@link #record(AdminEventBuilder,
   * KeycloakSession, Map) recorded} later in a session of its own.
   */
  public static AdminEventBuilder prepare(
      AdminEventBuilder adminEvent, KeycloakSession session, String action) {
    return adminEvent
        .clone(session)
        .operation(OperationType.ACTION)
        .resource(RESOURCE_TYPE)
        .resourcePath(session.getContext().getUri())
        .detail("action", action);
  }

  /** Records a {@link #prepare prepared} event in {@code session}, with its details. */
  public static void record(
      AdminEventBuilder prepared, KeycloakSession session, Map<String, String> details) {
    AdminEventBuilder event = prepared.clone(session);
    details.forEach(
        (name, value) -> {
          if (value != null) {
            event.detail(name, value);
          }
        });
    event.success();
  }

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

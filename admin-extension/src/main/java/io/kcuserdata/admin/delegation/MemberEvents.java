package io.kcuserdata.admin.delegation;

import java.util.Map;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;

/**
 * The admin events of a delegated admin's actions, named and pathed as Keycloak's own admin API
 * names them (a created user is {@code USER}/{@code CREATE} on {@code users/<id>}), so that event
 * listeners and webhooks treat them alike; the acting delegated admin is the event's actor.
 */
final class MemberEvents {

  private MemberEvents() {}

  static void created(DelegatedCaller caller, KeycloakSession session, UserModel user) {
    caller
        .events()
        .clone(session)
        .operation(OperationType.CREATE)
        .resource(ResourceType.USER)
        .resourcePath("users", user.getId())
        .representation(Map.of("username", user.getUsername()))
        .detail("delegated_for", caller.organization().getAlias())
        .success();
    membership(caller, session, user, OperationType.CREATE);
  }

  static void membership(
      DelegatedCaller caller, KeycloakSession session, UserModel user, OperationType operation) {
    caller
        .events()
        .clone(session)
        .operation(operation)
        .resource(ResourceType.ORGANIZATION_MEMBERSHIP)
        .resourcePath("organizations", caller.organization().getId(), "members", user.getId())
        .detail("delegated_for", caller.organization().getAlias())
        .success();
  }

  static void updated(
      DelegatedCaller caller, KeycloakSession session, UserModel user, String fields) {
    caller
        .events()
        .clone(session)
        .operation(OperationType.UPDATE)
        .resource(ResourceType.USER)
        .resourcePath("users", user.getId())
        .detail("fields", fields)
        .detail("delegated_for", caller.organization().getAlias())
        .success();
  }

  static void dataChanged(
      DelegatedCaller caller, KeycloakSession session, UserModel user, String keys) {
    caller
        .events()
        .clone(session)
        .operation(OperationType.UPDATE)
        .resource("USER_DATA")
        .resourcePath("user-data", "users", user.getId())
        .detail("namespaces", "org." + caller.organization().getAlias())
        .detail("keys", keys)
        .detail("delegated_for", caller.organization().getAlias())
        .success();
  }

  static void emailSent(
      DelegatedCaller caller, KeycloakSession session, UserModel user, String action) {
    caller
        .events()
        .clone(session)
        .operation(OperationType.ACTION)
        .resource(ResourceType.USER)
        .resourcePath("users", user.getId(), action)
        .detail("action", action)
        .detail("delegated_for", caller.organization().getAlias())
        .success();
  }
}

package io.kcuserdata.events.webhooks.catalog;

import static io.kcuserdata.events.webhooks.catalog.WebhookEventType.ORGANIZATION_MEMBER_ADDED;
import static io.kcuserdata.events.webhooks.catalog.WebhookEventType.ORGANIZATION_MEMBER_REMOVED;
import static io.kcuserdata.events.webhooks.catalog.WebhookEventType.USER_CREATED;
import static io.kcuserdata.events.webhooks.catalog.WebhookEventType.USER_DATA_UPDATED;
import static io.kcuserdata.events.webhooks.catalog.WebhookEventType.USER_DELETED;
import static io.kcuserdata.events.webhooks.catalog.WebhookEventType.USER_IDENTITY_LINKED;
import static io.kcuserdata.events.webhooks.catalog.WebhookEventType.USER_IDENTITY_UNLINKED;
import static io.kcuserdata.events.webhooks.catalog.WebhookEventType.USER_PASSWORD_CHANGED;
import static io.kcuserdata.events.webhooks.catalog.WebhookEventType.USER_SUSPENDED;
import static io.kcuserdata.events.webhooks.catalog.WebhookEventType.USER_UNSUSPENDED;
import static io.kcuserdata.events.webhooks.catalog.WebhookEventType.USER_UPDATED;

import java.util.List;
import java.util.Map;
import org.keycloak.events.admin.OperationType;

/** Admin events → webhook event types; see {@link EventCatalog#forAdminEvent}. */
final class AdminEventRules {

  /** Keycloak's {@code ResourceType.USER}, also used by the pack's suspend and blocked-clients. */
  static final String USER = "USER";

  /** The pack's own resource type for namespaced user-data writes (admin-extension). */
  static final String USER_DATA = "USER_DATA";

  static final String ORGANIZATION_MEMBERSHIP = "ORGANIZATION_MEMBERSHIP";

  /** Detail the pack's suspension endpoints put on their {@code USER}/{@code ACTION} events. */
  static final String ACTION_DETAIL = "action";

  private AdminEventRules() {}

  static List<WebhookEventType> map(
      String resourceType, OperationType operation, String path, Map<String, String> details) {
    if (resourceType == null || operation == null) {
      return List.of();
    }
    switch (resourceType) {
      case USER:
        return user(operation, path, details);
      case USER_DATA:
        return operation == OperationType.UPDATE ? List.of(USER_DATA_UPDATED) : List.of();
      case ORGANIZATION_MEMBERSHIP:
        return membership(operation, path);
      default:
        return List.of();
    }
  }

  /**
   * Keycloak files a user's sub-resources under the same resource type {@code USER}: linking an
   * identity provider is a {@code USER}/{@code CREATE} on {@code
   * users/<id>/federated-identity/<alias>}, so only the user's own path means the user was created
   * or deleted.
   */
  private static List<WebhookEventType> user(
      OperationType operation, String path, Map<String, String> details) {
    switch (operation) {
      case CREATE:
        return createdOrDeleted(path, USER_CREATED, USER_IDENTITY_LINKED);
      case DELETE:
        return createdOrDeleted(path, USER_DELETED, USER_IDENTITY_UNLINKED);
      case UPDATE:
        // Keycloak's PUT users/<id> and the pack's blocked-clients PUT: both change the user.
        return List.of(USER_UPDATED);
      case ACTION:
        return action(path, details);
      default:
        return List.of();
    }
  }

  private static List<WebhookEventType> createdOrDeleted(
      String path, WebhookEventType ofUser, WebhookEventType ofIdentityLink) {
    if (ResourcePaths.isFederatedIdentity(path)) {
      return List.of(ofIdentityLink);
    }
    return ResourcePaths.isUserItself(path) ? List.of(ofUser) : List.of();
  }

  private static List<WebhookEventType> action(String path, Map<String, String> details) {
    String action = details == null ? null : details.get(ACTION_DETAIL);
    if ("suspend".equals(action)) {
      return List.of(USER_SUSPENDED);
    }
    if ("unsuspend".equals(action)) {
      return List.of(USER_UNSUSPENDED);
    }
    // An admin setting a password; reset-password-email only sends a link and ends differently.
    return ResourcePaths.endsWith(path, "reset-password")
        ? List.of(USER_PASSWORD_CHANGED)
        : List.of();
  }

  private static List<WebhookEventType> membership(OperationType operation, String path) {
    if (!ResourcePaths.isMembership(path)) {
      return List.of();
    }
    if (operation == OperationType.CREATE) {
      return List.of(ORGANIZATION_MEMBER_ADDED);
    }
    return operation == OperationType.DELETE ? List.of(ORGANIZATION_MEMBER_REMOVED) : List.of();
  }
}

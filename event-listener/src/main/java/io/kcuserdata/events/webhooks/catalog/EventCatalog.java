package io.kcuserdata.events.webhooks.catalog;

import static io.kcuserdata.events.webhooks.catalog.WebhookEventType.USER_CREATED;
import static io.kcuserdata.events.webhooks.catalog.WebhookEventType.USER_DATA_UPDATED;
import static io.kcuserdata.events.webhooks.catalog.WebhookEventType.USER_DELETED;
import static io.kcuserdata.events.webhooks.catalog.WebhookEventType.USER_EMAIL_VERIFIED;
import static io.kcuserdata.events.webhooks.catalog.WebhookEventType.USER_IDENTITY_LINKED;
import static io.kcuserdata.events.webhooks.catalog.WebhookEventType.USER_IDENTITY_UNLINKED;
import static io.kcuserdata.events.webhooks.catalog.WebhookEventType.USER_LOGIN;
import static io.kcuserdata.events.webhooks.catalog.WebhookEventType.USER_LOGIN_FAILED;
import static io.kcuserdata.events.webhooks.catalog.WebhookEventType.USER_LOGOUT;
import static io.kcuserdata.events.webhooks.catalog.WebhookEventType.USER_PASSWORD_CHANGED;
import static io.kcuserdata.events.webhooks.catalog.WebhookEventType.USER_PASSWORD_RESET;
import static io.kcuserdata.events.webhooks.catalog.WebhookEventType.USER_REGISTERED;
import static io.kcuserdata.events.webhooks.catalog.WebhookEventType.USER_UPDATED;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.keycloak.events.EventType;
import org.keycloak.events.admin.OperationType;

/**
 * Which webhook event types a Keycloak event stands for. Pure: no session, no model, so the rules
 * are testable without a server and the listener decides nothing but what to look up.
 */
public final class EventCatalog {

  /** Keycloak's {@code Details.CREDENTIAL_TYPE}, and the password credential's type. */
  static final String CREDENTIAL_TYPE = "credential_type";

  static final String PASSWORD = "password";

  /** Put on UPDATE_PROFILE by the pack when the change was to namespaced data, not the profile. */
  static final String USERDATA_NAMESPACES = "userdata_namespaces";

  private EventCatalog() {}

  /**
   * A user (login-flow, account) event. Error events map to nothing except LOGIN_ERROR: Keycloak
   * sends them when nothing changed.
   */
  public static List<WebhookEventType> forUserEvent(EventType type, Map<String, String> details) {
    if (type == null) {
      return List.of();
    }
    Map<String, String> d = details == null ? Map.of() : details;
    switch (type) {
      case REGISTER:
        // Sign-up and a first broker login (details carry "identity_provider") both create the
        // user: consumers that only care about new users subscribe to user.created alone.
        return List.of(USER_CREATED, USER_REGISTERED);
      case LOGIN:
        return List.of(USER_LOGIN);
      case LOGIN_ERROR:
        return List.of(USER_LOGIN_FAILED);
      case LOGOUT:
        return List.of(USER_LOGOUT);
      case VERIFY_EMAIL:
        return List.of(USER_EMAIL_VERIFIED);
      case UPDATE_CREDENTIAL:
        return PASSWORD.equals(d.get(CREDENTIAL_TYPE)) ? List.of(USER_PASSWORD_CHANGED) : List.of();
      // Keycloak ends a completed "forgot password" flow with UPDATE_CREDENTIAL and LOGIN, never
      // a RESET_PASSWORD success: the reset is announced when its e-mail goes out, the new
      // password by user.password_changed.
      case SEND_RESET_PASSWORD:
      case RESET_PASSWORD:
        return List.of(USER_PASSWORD_RESET);
      case UPDATE_PROFILE:
        return d.containsKey(USERDATA_NAMESPACES)
            ? List.of(USER_DATA_UPDATED)
            : List.of(USER_UPDATED);
      case UPDATE_EMAIL:
        return List.of(USER_UPDATED);
      case FEDERATED_IDENTITY_LINK:
        return List.of(USER_IDENTITY_LINKED);
      case REMOVE_FEDERATED_IDENTITY:
        return List.of(USER_IDENTITY_UNLINKED);
      case DELETE_ACCOUNT:
        return List.of(USER_DELETED);
      default:
        // Includes the deprecated UPDATE_PASSWORD: Keycloak 26 sends it next to an
        // UPDATE_CREDENTIAL (credential_type=password) for the same change, so mapping both
        // would deliver every password change twice.
        return List.of();
    }
  }

  /**
   * An admin event. {@code resourceType} is the string form ({@code AdminEvent
   * #getResourceTypeAsString()}) because the pack's own {@code USER_DATA} is not one of Keycloak's
   * {@code ResourceType} constants.
   */
  public static List<WebhookEventType> forAdminEvent(
      String resourceType,
      OperationType operation,
      String resourcePath,
      Map<String, String> details) {
    return AdminEventRules.map(resourceType, operation, resourcePath, details);
  }

  /**
   * The user an admin event is about, from {@code users/<id>[/…]} (also under the pack's {@code
   * user-data/}) or {@code organizations/<orgId>/members/<userId>}. Empty for Keycloak's add-member
   * call, whose path ends at {@code members} (the id is in the body; details carry the username).
   */
  public static Optional<String> userIdFromResourcePath(String resourcePath) {
    return ResourcePaths.userId(resourcePath);
  }

  /** The organization of {@code organizations/<orgId>[/…]}. */
  public static Optional<String> organizationIdFromResourcePath(String resourcePath) {
    return ResourcePaths.organizationId(resourcePath);
  }
}

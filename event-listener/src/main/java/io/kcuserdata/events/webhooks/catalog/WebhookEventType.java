package io.kcuserdata.events.webhooks.catalog;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The webhook event types of the public contract (docs/reference.md, "Webhook event types"; what
 * triggers each in docs/webhooks/README.md). The wire name is what endpoints subscribe to and what
 * a payload's {@code "type"} carries; never rename one.
 */
public enum WebhookEventType {
  USER_CREATED("user.created"),
  USER_REGISTERED("user.registered"),
  USER_UPDATED("user.updated"),
  USER_DATA_UPDATED("user.data.updated"),
  USER_DELETED("user.deleted"),
  USER_LOGIN("user.login"),
  USER_LOGIN_FAILED("user.login_failed"),
  USER_LOGOUT("user.logout"),
  USER_EMAIL_VERIFIED("user.email_verified"),
  USER_PASSWORD_CHANGED("user.password_changed"),
  USER_PASSWORD_RESET("user.password_reset"),
  USER_SUSPENDED("user.suspended"),
  USER_UNSUSPENDED("user.unsuspended"),
  USER_IDENTITY_LINKED("user.identity_linked"),
  USER_IDENTITY_UNLINKED("user.identity_unlinked"),
  ORGANIZATION_MEMBER_ADDED("organization.member_added"),
  ORGANIZATION_MEMBER_REMOVED("organization.member_removed"),
  PING("ping");

  private static final Map<String, WebhookEventType> BY_WIRE_NAME =
      Arrays.stream(values())
          .collect(Collectors.toUnmodifiableMap(WebhookEventType::wireName, Function.identity()));

  private final String wireName;

  WebhookEventType(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  /** Exact, case-sensitive: subscriptions and payloads use the wire name verbatim. */
  public static Optional<WebhookEventType> byWireName(String wireName) {
    return wireName == null ? Optional.empty() : Optional.ofNullable(BY_WIRE_NAME.get(wireName));
  }
}

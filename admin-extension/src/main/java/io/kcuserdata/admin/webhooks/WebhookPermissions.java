package io.kcuserdata.admin.webhooks;

import io.kcuserdata.admin.http.ApiError;
import io.kcuserdata.events.webhooks.catalog.PayloadExtra;
import java.util.Set;
import java.util.stream.Collectors;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * What a webhook caller may do beyond the manage-events (or manage-realm) permission the whole API
 * asks for. Keycloak shows such an admin the realm's events, but users' hidden data only to an
 * admin who may view users; a {@link PayloadExtra} ({@code app_metadata}) is such data. So every
 * action that decides where extras go, or sends them again, needs view-users as well: creating or
 * replacing an endpoint that will carry one, taking a new secret for one, moving an endpoint whose
 * messages waiting for an attempt carry one, re-sending a stored message that carries one. A
 * receiver may echo what it got, so what receivers answered is shown to such callers only.
 */
final class WebhookPermissions {

  static final String VIEW_USERS = "view-users";

  private final boolean viewUsers;

  WebhookPermissions(boolean viewUsers) {
    this.viewUsers = viewUsers;
  }

  static WebhookPermissions of(AdminPermissionEvaluator auth) {
    return new WebhookPermissions(auth.users().canView());
  }

  /** Creating or replacing an endpoint so that its payloads carry {@code extras}. */
  void requireToConfigure(Set<PayloadExtra> extras) {
    require(extras, "an endpoint whose payloads carry");
  }

  /** A new signing secret for an endpoint whose payloads carry {@code extras}. */
  void requireToRotate(Set<PayloadExtra> extras) {
    require(extras, "a new secret for an endpoint whose payloads carry");
  }

  /** A new URL for an endpoint whose messages waiting for an attempt carry {@code pending}. */
  void requireToMove(Set<PayloadExtra> pending) {
    require(pending, "a new URL for an endpoint whose waiting messages carry");
  }

  /** Sending again a stored message that carries {@code carried}. */
  void requireToResend(Set<PayloadExtra> carried) {
    require(carried, "sending again a message that carries");
  }

  /** Whether the delivery log may show what receivers answered. */
  boolean mayReadResponses() {
    return viewUsers;
  }

  private void require(Set<PayloadExtra> extras, String what) {
    if (viewUsers || extras.isEmpty()) {
      return;
    }
    String named =
        extras.stream()
            .map(e -> e.member() + " (" + e.option() + ")")
            .collect(Collectors.joining(", "));
    throw ApiError.forbidden(
        what
            + " "
            + named
            + " needs the "
            + VIEW_USERS
            + " permission as well: it is user data Keycloak shows only to admins who may view"
            + " users");
  }
}

package io.kcuserdata.admin.suspension;

import static io.kcuserdata.admin.http.UserDataResponses.guarded;
import static io.kcuserdata.admin.http.UserDataResponses.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kcuserdata.admin.http.ApiError;
import io.kcuserdata.admin.http.JsonBody;
import io.kcuserdata.core.access.Caller;
import io.kcuserdata.core.json.Json;
import io.kcuserdata.core.namespace.Namespace;
import io.kcuserdata.core.spi.UserDataProvider;
import io.kcuserdata.core.spi.UserLock;
import io.kcuserdata.core.status.StatusKey;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.managers.BruteForceProtector;
import org.keycloak.services.resources.admin.AdminEventBuilder;

/**
 * {@code POST …/users/{id}/suspend} and {@code …/unsuspend}: Auth0's "block with a reason". The
 * user is disabled, the reason, time, acting admin and (for a delegated admin) organization kept in
 * {@code status}, the sessions ended. A realm admin's unsuspend also lifts a brute-force lockout; a
 * delegated admin's lifts only a suspension made through the same organization ({@link
 * SuspensionRules}).
 */
public final class Suspension {

  static final int MAX_REASON = 500;

  private final KeycloakSession session;
  private final RealmModel realm;
  private final AdminEventBuilder adminEvent;
  private final UserModel user;
  private final Suspender by;

  public Suspension(
      KeycloakSession session,
      RealmModel realm,
      AdminEventBuilder adminEvent,
      UserModel user,
      Suspender by) {
    this.session = session;
    this.realm = realm;
    this.adminEvent = adminEvent;
    this.user = user;
    this.by = by;
  }

  public Response suspend(String contentType, InputStream body) {
    JsonNode reason = JsonBody.read(contentType, body, JsonBody.JSON).path("reason");
    if (!reason.isTextual() || reason.asText().isBlank() || reason.asText().length() > MAX_REASON) {
      throw ApiError.invalidRequest(
          "the body is {\"reason\":\"…\"}, a reason of 1 to " + MAX_REASON + " characters");
    }
    return guarded(
        () -> {
          // Decided and written under the user's row lock: two admins at once see each other.
          UserModel locked = UserLock.lockForUpdate(session, user);
          refuseIfPresent(SuspensionRules.refuseSuspend(by, account(locked)));
          locked.setEnabled(false);
          ObjectNode status = Json.object();
          status.put(
              StatusKey.SUSPENDED_AT.key(),
              Instant.now().truncatedTo(ChronoUnit.MILLIS).toString());
          status.put(StatusKey.SUSPENDED_REASON.key(), reason.asText());
          status.put(StatusKey.SUSPENDED_BY.key(), by.userId());
          if (by.delegated()) {
            status.put(StatusKey.SUSPENDED_VIA.key(), by.organization());
          } else {
            status.putNull(StatusKey.SUSPENDED_VIA.key());
          }
          ObjectNode written = writeStatus(locked, status);
          Sessions.endAll(session, realm, locked);
          event("suspend", Map.of("suspended", true, "reason", reason.asText()));
          return json(written, null);
        });
  }

  public Response unsuspend() {
    return guarded(
        () -> {
          UserModel locked = UserLock.lockForUpdate(session, user);
          refuseIfPresent(SuspensionRules.refuseUnsuspend(by, account(locked)));
          locked.setEnabled(true);
          if (!by.delegated()) {
            liftLockouts(locked);
          }
          ObjectNode status = Json.object();
          status.putNull(StatusKey.SUSPENDED_AT.key());
          status.putNull(StatusKey.SUSPENDED_REASON.key());
          status.putNull(StatusKey.SUSPENDED_BY.key());
          status.putNull(StatusKey.SUSPENDED_VIA.key());
          ObjectNode written = writeStatus(locked, status);
          event("unsuspend", Map.of("suspended", false));
          return json(written, null);
        });
  }

  private SuspensionRules.Account account(UserModel locked) {
    ObjectNode status = read(locked);
    JsonNode via = status.get(StatusKey.SUSPENDED_VIA.key());
    BruteForceProtector protector = session.getProvider(BruteForceProtector.class);
    return new SuspensionRules.Account(
        locked.isEnabled(),
        status.hasNonNull(StatusKey.SUSPENDED_AT.key()),
        via != null && via.isTextual() ? via.textValue() : null,
        protector != null && protector.isPermanentlyLockedOut(session, realm, locked),
        protector != null && protector.isTemporarilyDisabled(session, realm, locked));
  }

  private static void refuseIfPresent(Optional<String> refusal) {
    if (refusal.isPresent()) {
      throw ApiError.conflict(refusal.get());
    }
  }

  private void liftLockouts(UserModel locked) {
    BruteForceProtector protector = session.getProvider(BruteForceProtector.class);
    if (protector != null) {
      protector.cleanUpPermanentLockout(session, realm, locked);
    }
    if (session.loginFailures().getUserLoginFailure(realm, locked.getId()) != null) {
      session.loginFailures().removeUserLoginFailure(realm, locked.getId());
    }
  }

  private UserDataProvider data() {
    return session.getProvider(UserDataProvider.class);
  }

  private ObjectNode read(UserModel locked) {
    return data().read(realm, locked).get(Namespace.STATUS);
  }

  /** Merges {@code patch} into {@code status} as the pack itself; answers the new namespace. */
  private ObjectNode writeStatus(UserModel locked, ObjectNode patch) {
    ObjectNode document = Json.object();
    document.set(Namespace.STATUS.name(), patch);
    return data()
        .patch(realm, locked, Caller.system(), document, null)
        .document()
        .get(Namespace.STATUS);
  }

  private void event(String action, Map<String, Object> representation) {
    AdminEventBuilder event =
        adminEvent
            .clone(session)
            .operation(OperationType.ACTION)
            .resource(ResourceType.USER)
            // The admin API's path, whoever called: a delegated admin's suspension is the same
            // event, with the organization as a detail.
            .resourcePath("user-data", "users", user.getId(), action)
            .representation(representation)
            .detail("action", action);
    if (by.delegated()) {
      event.detail("delegated_for", by.organization());
    }
    event.success();
  }
}

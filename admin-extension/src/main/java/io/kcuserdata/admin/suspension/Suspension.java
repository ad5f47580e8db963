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
import io.kcuserdata.core.service.UserDataService;
import io.kcuserdata.core.spi.Memberships;
import io.kcuserdata.core.spi.UserDataProvider;
import io.kcuserdata.core.spi.UserModelAttributes;
import io.kcuserdata.core.status.StatusKey;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.managers.BruteForceProtector;
import org.keycloak.services.resources.admin.AdminEventBuilder;

/**
 * {@code POST …/users/{id}/suspend} and {@code …/unsuspend}: Auth0's "block with a reason". The
 * user is disabled, the reason and time kept in {@code status}, the sessions ended; unsuspending
 * also lifts a brute-force lockout.
 */
public final class Suspension {

  static final int MAX_REASON = 500;

  private final KeycloakSession session;
  private final RealmModel realm;
  private final AdminEventBuilder adminEvent;
  private final UserModel user;

  public Suspension(
      KeycloakSession session, RealmModel realm, AdminEventBuilder adminEvent, UserModel user) {
    this.session = session;
    this.realm = realm;
    this.adminEvent = adminEvent;
    this.user = user;
  }

  public Response suspend(String contentType, InputStream body) {
    JsonNode reason = JsonBody.read(contentType, body, JsonBody.JSON).path("reason");
    if (!reason.isTextual() || reason.asText().isBlank() || reason.asText().length() > MAX_REASON) {
      throw ApiError.invalidRequest(
          "the body is {\"reason\":\"…\"}, a reason of 1 to " + MAX_REASON + " characters");
    }
    return guarded(
        () -> {
          user.setEnabled(false);
          ObjectNode status = Json.object();
          status.put(
              StatusKey.SUSPENDED_AT.key(),
              Instant.now().truncatedTo(ChronoUnit.MILLIS).toString());
          status.put(StatusKey.SUSPENDED_REASON.key(), reason.asText());
          ObjectNode written = writeStatus(status);
          Sessions.endAll(session, realm, user);
          event("suspend", Map.of("suspended", true, "reason", reason.asText()));
          return json(written, null);
        });
  }

  public Response unsuspend() {
    return guarded(
        () -> {
          user.setEnabled(true);
          BruteForceProtector protector = session.getProvider(BruteForceProtector.class);
          if (protector != null) {
            protector.cleanUpPermanentLockout(session, realm, user);
          }
          if (session.loginFailures().getUserLoginFailure(realm, user.getId()) != null) {
            session.loginFailures().removeUserLoginFailure(realm, user.getId());
          }
          ObjectNode status = Json.object();
          status.putNull(StatusKey.SUSPENDED_AT.key());
          status.putNull(StatusKey.SUSPENDED_REASON.key());
          ObjectNode written = writeStatus(status);
          event("unsuspend", Map.of("suspended", false));
          return json(written, null);
        });
  }

  /** Merges {@code patch} into {@code status} as the pack itself; answers the new namespace. */
  private ObjectNode writeStatus(ObjectNode patch) {
    UserDataService service = session.getProvider(UserDataProvider.class).service();
    ObjectNode document = Json.object();
    document.set(Namespace.STATUS.name(), patch);
    return service
        .patch(
            Caller.system(),
            new UserModelAttributes(user),
            Memberships.of(session, realm, user),
            document,
            null)
        .document()
        .get(Namespace.STATUS);
  }

  private void event(String action, Map<String, Object> representation) {
    adminEvent
        .clone(session)
        .operation(OperationType.ACTION)
        .resource(ResourceType.USER)
        // The admin API's path, whoever called: a delegated admin's suspension is the same event.
        .resourcePath("user-data", "users", user.getId(), action)
        .representation(representation)
        .detail("action", action)
        .success();
  }
}

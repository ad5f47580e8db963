package io.kcuserdata.it.suspension;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kcuserdata.it.harness.HttpApi;
import io.kcuserdata.it.harness.HttpApi.Answer;
import io.kcuserdata.it.harness.KeycloakIT;
import io.kcuserdata.it.harness.KeycloakServer;
import io.kcuserdata.it.harness.Realms;
import io.kcuserdata.it.harness.TestRealm;
import io.kcuserdata.it.harness.TokenEndpoint.TokenResponse;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.AdminEventRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;

/** {@code POST …/users/{id}/suspend} and {@code …/unsuspend}. */
@KeycloakIT
class SuspensionIT {

  private static final String PASSWORD = "pw-alice-1";

  private TestRealm realm;
  private HttpApi admin;
  private String aliceId;
  private String user;

  @BeforeEach
  void aUserWithASession(Realms realms, HttpApi admin) {
    this.realm =
        realms.create(
            r -> {
              r.setAdminEventsEnabled(true);
              r.setAdminEventsDetailsEnabled(true);
            });
    this.admin = admin;
    this.aliceId = realm.createUser("alice", PASSWORD);
    this.user = "/admin/realms/" + realm.name() + "/user-data/users/" + aliceId;
  }

  private Answer suspend(String body) {
    return admin.send("POST", user + "/suspend", "application/json", body);
  }

  @Nested
  class Suspending {

    @Test
    void disablesTheUserRecordsTheReasonAndEndsEverySession() {
      TokenResponse before = realm.tokens().password("alice", PASSWORD);
      assertThat(before.ok()).isTrue();

      Answer answer = suspend("{\"reason\":\"fraud review\"}");

      assertThat(answer.status()).as(answer.body()).isEqualTo(200);
      assertThat(answer.json().path("suspended_reason").asText()).isEqualTo("fraud review");
      assertThat(realm.admin().users().get(aliceId).toRepresentation().isEnabled()).isFalse();
      assertThat(realm.admin().users().get(aliceId).getUserSessions()).isEmpty();
      assertThat(realm.tokens().refresh(before.refreshToken()).error()).isEqualTo("invalid_grant");
      TokenResponse login = realm.tokens().password("alice", PASSWORD);
      assertThat(login.ok()).isFalse();
      assertThat(login.body().path("error_description").asText()).containsIgnoringCase("disabled");
      JsonNode status = admin.get(user).json().path("status");
      assertThat(Instant.parse(status.path("suspended_at").asText()))
          .isBefore(Instant.now().plusSeconds(1));
    }

    @Test
    void recordsWhichAdminSuspendedAndThroughNoOrganization(
        Keycloak keycloak, KeycloakServer server) {
      String adminId =
          keycloak
              .realm("master")
              .users()
              .searchByUsername(server.adminUser(), true)
              .get(0)
              .getId();

      JsonNode answer = suspend("{\"reason\":\"fraud review\"}").json();

      assertThat(answer.path("suspended_by").asText()).isEqualTo(adminId);
      assertThat(answer.has("suspended_via")).isFalse();
      assertThat(admin.get(user).json().path("status").path("suspended_by").asText())
          .isEqualTo(adminId);
    }

    @Test
    void isAnAdminEventTheWebhooksCanTurnIntoUserSuspended() {
      suspend("{\"reason\":\"fraud review\"}");

      assertThat(realm.admin().getAdminEvents())
          .filteredOn(e -> e.getResourcePath().endsWith("/suspend"))
          .singleElement()
          .satisfies(
              (AdminEventRepresentation e) -> {
                assertThat(e.getOperationType()).isEqualTo("ACTION");
                assertThat(e.getDetails()).containsEntry("action", "suspend");
                assertThat(e.getRepresentation()).contains("fraud review");
              });
    }

    @Test
    void needsAReason() {
      for (String body : new String[] {"{}", "{\"reason\":\"\"}", "{\"reason\":42}"}) {
        Answer answer = suspend(body);
        assertThat(answer.status()).as(body).isEqualTo(400);
        assertThat(answer.json().path("error").asText()).isEqualTo("invalid_request");
      }
      assertThat(realm.admin().users().get(aliceId).toRepresentation().isEnabled()).isTrue();
    }
  }

  /**
   * Fails logins until Keycloak locks the user out. It records failures asynchronously and a
   * permanent lockout disables the user, so the test watches the user rather than counting.
   */
  private void lockOut() {
    long deadline = System.nanoTime() + 20_000_000_000L;
    for (int attempt = 0; System.nanoTime() < deadline; attempt++) {
      if (lockedOut()) {
        return;
      }
      if (attempt < 6) {
        realm.tokens().password("alice", "wrong-" + attempt);
      }
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    throw new AssertionError("Keycloak did not lock the user out after repeated failed logins");
  }

  private boolean lockedOut() {
    Map<String, Object> status = realm.admin().attackDetection().bruteForceUserStatus(aliceId);
    return Boolean.TRUE.equals(status.get("disabled"))
        || !realm.admin().users().get(aliceId).toRepresentation().isEnabled();
  }

  @Nested
  class Unsuspending {

    @Test
    void enablesTheUserAndClearsTheSuspension() {
      suspend("{\"reason\":\"fraud review\"}");

      Answer answer = admin.send("POST", user + "/unsuspend", null, null);

      assertThat(answer.status()).as(answer.body()).isEqualTo(200);
      assertThat(answer.json().has("suspended_at")).isFalse();
      assertThat(answer.json().has("suspended_by")).isFalse();
      assertThat(realm.tokens().password("alice", PASSWORD).ok()).isTrue();
    }

    @Test
    void liftsABruteForceLockout() {
      RealmRepresentation bruteForce = new RealmRepresentation();
      bruteForce.setBruteForceProtected(true);
      bruteForce.setPermanentLockout(true);
      bruteForce.setFailureFactor(2);
      // Two failures in a row must count as two, not trip the separate quick-login lockout.
      bruteForce.setQuickLoginCheckMilliSeconds(1L);
      realm.admin().update(bruteForce);
      lockOut();
      assertThat(realm.tokens().password("alice", PASSWORD).ok()).as("locked out").isFalse();

      admin.send("POST", user + "/unsuspend", null, null);

      assertThat(realm.tokens().password("alice", PASSWORD).ok()).isTrue();
    }
  }
}

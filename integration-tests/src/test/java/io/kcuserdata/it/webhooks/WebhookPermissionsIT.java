package io.kcuserdata.it.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kcuserdata.it.harness.HttpApi;
import io.kcuserdata.it.harness.HttpApi.Answer;
import io.kcuserdata.it.harness.KeycloakIT;
import io.kcuserdata.it.harness.Realms;
import io.kcuserdata.it.harness.TestHttpServer.RecordedRequest;
import io.kcuserdata.it.harness.TestHttpServer.Response;
import io.kcuserdata.it.harness.TestRealm;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Webhook endpoints as seen by an admin holding only {@code manage-events}: Keycloak shows such an
 * admin events, never users' hidden data. So whatever makes an endpoint carry {@code app_metadata}
 * (creating it so, turning it on, changing an endpoint that has it, its secret, re-sending a stored
 * message that holds it) also needs {@code view-users}, and the delivery log shows what receivers
 * answered (a receiver may echo the payload) only to callers who may view users.
 */
@KeycloakIT
class WebhookPermissionsIT {

  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final String SECRET_ROLE = "\"role\":\"treasurer\"";

  private TestRealm realm;
  private HttpApi admin;
  private Receiver receiver;
  private Receiver attacker;
  private HttpApi eventsAdmin;
  private HttpApi eventsAndUsersAdmin;

  @BeforeEach
  void aRealmWithAUserWhoseAppMetadataIsHidden(Realms realms, HttpApi admin) {
    this.admin = admin;
    realm = realms.create().enableEventListeners("userdata-webhooks");
    receiver = new Receiver();
    attacker = new Receiver();
    String alice = realm.createUser("alice", "pw-alice-1");
    admin
        .send(
            "PATCH",
            "/admin/realms/" + realm.name() + "/user-data/users/" + alice,
            "application/merge-patch+json",
            "{\"app_metadata\":{" + SECRET_ROLE + "}}")
        .requireStatus(200);
    eventsAdmin = adminWith("events-only", "manage-events");
    eventsAndUsersAdmin = adminWith("events-and-users", "manage-events", "view-users");
  }

  @AfterEach
  void stopReceivers() {
    receiver.close();
    attacker.close();
  }

  private HttpApi adminWith(String username, String... roles) {
    String id = realm.createUser(username, "pw-" + username);
    for (String role : roles) {
      realm.grantClientRole(id, "realm-management", role);
    }
    return realm.http(realm.tokens().password(username, "pw-" + username).accessToken());
  }

  private String webhooks(String rest) {
    return "/admin/realms/" + realm.name() + "/user-data/webhooks" + rest;
  }

  private static String body(Receiver to, boolean appMetadata) {
    return "{\"url\":\""
        + to.url()
        + "\",\"events\":[\"user.login\"],\"includeAppMetadata\":"
        + appMetadata
        + "}";
  }

  /** An endpoint a realm admin made: its id. */
  private String endpointByTheRealmAdmin(Receiver to, boolean appMetadata) {
    return admin
        .send("POST", webhooks(""), "application/json", body(to, appMetadata))
        .requireStatus(201)
        .json()
        .path("id")
        .asText();
  }

  private JsonNode endpoint(String id) {
    return admin.get(webhooks("/" + id)).requireStatus(200).json();
  }

  private List<JsonNode> deliveries(HttpApi caller, String id) {
    Answer answer = caller.get(webhooks("/" + id + "/deliveries"));
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return List.copyOf(answer.json().findParents("eventType"));
  }

  private void awaitDelivered(String id) throws InterruptedException {
    WebhooksDeliveryIT.waitFor(
        () -> {
          List<JsonNode> log = deliveries(admin, id);
          return !log.isEmpty() && "delivered".equals(log.get(0).path("status").asText());
        });
  }

  private static void assertRefusedForWantOfViewUsers(Answer answer) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(403);
    assertThat(answer.json().path("error_description").asText())
        .contains("app_metadata")
        .contains("view-users");
  }

  @Nested
  class IncludingAppMetadata {

    @Test
    void anEventsAdminCannotCreateAnEndpointThatCarriesIt() {
      Answer refused =
          eventsAdmin.send("POST", webhooks(""), "application/json", body(attacker, true));

      assertRefusedForWantOfViewUsers(refused);
      assertThat(admin.get(webhooks("")).json()).isEmpty();
    }

    @Test
    void anEventsAdminWhoMayViewUsersCanCreateOne() throws Exception {
      Answer created =
          eventsAndUsersAdmin.send("POST", webhooks(""), "application/json", body(receiver, true));

      assertThat(created.status()).as(created.body()).isEqualTo(201);
      realm.tokens().password("alice", "pw-alice-1");
      assertThat(receiver.awaitType("user.login", WAIT).toString()).contains(SECRET_ROLE);
    }

    @Test
    void anEventsAdminCannotTurnItOnForAnEndpoint() {
      String id = endpointByTheRealmAdmin(attacker, false);

      Answer refused =
          eventsAdmin.send("PUT", webhooks("/" + id), "application/json", body(attacker, true));

      assertRefusedForWantOfViewUsers(refused);
      assertThat(endpoint(id).path("includeAppMetadata").asBoolean()).isFalse();
    }

    @Test
    void anEventsAdminCannotPointAnEndpointThatCarriesItElsewhere() {
      String id = endpointByTheRealmAdmin(receiver, true);

      Answer refused =
          eventsAdmin.send("PUT", webhooks("/" + id), "application/json", body(attacker, true));

      assertRefusedForWantOfViewUsers(refused);
      assertThat(endpoint(id).path("url").asText()).isEqualTo(receiver.url().toString());
    }

    @Test
    void anEventsAdminCannotTakeTheSecretOfAnEndpointThatCarriesIt() {
      String id = endpointByTheRealmAdmin(receiver, true);

      Answer refused = eventsAdmin.send("POST", webhooks("/" + id + "/rotate-secret"), null, null);

      assertRefusedForWantOfViewUsers(refused);
    }

    @Test
    void anEventsAdminMayStillPingItAsThePingCarriesNoUser() throws Exception {
      String id = endpointByTheRealmAdmin(receiver, true);

      Answer queued = eventsAdmin.send("POST", webhooks("/" + id + "/test"), null, null);

      assertThat(queued.status()).as(queued.body()).isEqualTo(202);
      JsonNode ping = receiver.awaitType("ping", WAIT);
      assertThat(ping.path("data").has("user")).isFalse();
    }

    @Test
    void anEventsAdminMayChangeAnEndpointWithoutIt() {
      String id = endpointByTheRealmAdmin(receiver, false);

      Answer changed =
          eventsAdmin.send("PUT", webhooks("/" + id), "application/json", body(attacker, false));

      assertThat(changed.status()).as(changed.body()).isEqualTo(200);
    }
  }

  @Nested
  class StoredMessages {

    @Test
    void cannotBeResentToAnotherUrlByAnEventsAdmin() throws Exception {
      String id = endpointByTheRealmAdmin(receiver, true);
      realm.tokens().password("alice", "pw-alice-1");
      assertThat(receiver.awaitType("user.login", WAIT).toString()).contains(SECRET_ROLE);
      awaitDelivered(id);
      String message = deliveries(admin, id).get(0).path("id").asText();
      // The realm admin stops sending app_metadata; the events admin may now move the endpoint.
      admin
          .send("PUT", webhooks("/" + id), "application/json", body(receiver, false))
          .requireStatus(200);
      eventsAdmin
          .send("PUT", webhooks("/" + id), "application/json", body(attacker, false))
          .requireStatus(200);

      Answer refused =
          eventsAdmin.send(
              "POST", webhooks("/" + id + "/deliveries/" + message + "/retry"), null, null);

      assertRefusedForWantOfViewUsers(refused);
      Thread.sleep(2000);
      assertThat(attacker.received()).isEmpty();
    }

    @Test
    void keepAnEndpointWhereItIsWhileTheyWaitForAnotherAttempt() throws Exception {
      receiver.answers(request -> new Response(503, Map.of("Retry-After", "3600"), new byte[0]));
      String id = endpointByTheRealmAdmin(receiver, true);
      realm.tokens().password("alice", "pw-alice-1");
      WebhooksDeliveryIT.waitFor(
          () ->
              !deliveries(admin, id).isEmpty()
                  && deliveries(admin, id).get(0).path("attempts").asInt() >= 1);
      admin
          .send("PUT", webhooks("/" + id), "application/json", body(receiver, false))
          .requireStatus(200);

      Answer refused =
          eventsAdmin.send("PUT", webhooks("/" + id), "application/json", body(attacker, false));

      assertRefusedForWantOfViewUsers(refused);
      assertThat(endpoint(id).path("url").asText()).isEqualTo(receiver.url().toString());
    }
  }

  @Nested
  class TheDeliveryLog {

    @Test
    void showsWhatAReceiverAnsweredOnlyToCallersWhoMayViewUsers() throws Exception {
      receiver.answers(request -> Response.text(200, "echo " + request.bodyText()));
      String id = endpointByTheRealmAdmin(receiver, false);
      realm.tokens().password("alice", "pw-alice-1");
      awaitDelivered(id);

      JsonNode withheld = deliveries(eventsAdmin, id).get(0).path("attemptLog").get(0);
      JsonNode shown = deliveries(eventsAndUsersAdmin, id).get(0).path("attemptLog").get(0);

      assertThat(withheld.has("response")).isFalse();
      assertThat(withheld.path("responseWithheld").asBoolean()).isTrue();
      assertThat(withheld.path("status").asInt()).isEqualTo(200);
      assertThat(withheld.toString()).doesNotContain("alice");
      assertThat(shown.path("response").asText()).startsWith("echo ").contains("alice");
      assertThat(shown.has("responseWithheld")).isFalse();
      RecordedRequest delivered = receiver.received().get(0);
      assertThat(delivered.bodyText()).contains("alice");
    }
  }
}

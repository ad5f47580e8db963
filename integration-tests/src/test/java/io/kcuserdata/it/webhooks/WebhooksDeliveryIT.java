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
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * {@code userdata-webhooks}: real actions on a real server reach a real receiver, signed per
 * Standard Webhooks (checked with the official library) and valid against the published schemas.
 */
@KeycloakIT
class WebhooksDeliveryIT {

  private static final Duration WAIT = Duration.ofSeconds(20);

  private TestRealm realm;
  private HttpApi admin;
  private Receiver receiver;
  private String endpointId;
  private String secret;

  @BeforeEach
  void realmWithAnEndpoint(Realms realms, HttpApi admin) {
    this.realm = realms.create().enableEventListeners("userdata-webhooks");
    this.admin = admin;
    this.receiver = new Receiver();
    Answer created = createEndpoint("[\"*\"]");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    endpointId = created.json().path("id").asText();
    secret = created.json().path("secret").asText();
  }

  @AfterEach
  void stopReceiver() {
    receiver.close();
  }

  private Answer createEndpoint(String events) {
    return admin.send(
        "POST",
        webhooks(""),
        "application/json",
        "{\"url\":\"" + receiver.url() + "\",\"events\":" + events + "}");
  }

  private String webhooks(String rest) {
    return "/admin/realms/" + realm.name() + "/user-data/webhooks" + rest;
  }

  private RecordedRequest requestOf(JsonNode payload) {
    return receiver.received().stream()
        .filter(r -> Receiver.payload(r).equals(payload))
        .findFirst()
        .orElseThrow();
  }

  private void assertSignedAndValid(JsonNode payload) throws Exception {
    Receiver.verify(requestOf(payload), secret);
    assertThat(Receiver.schemaErrors(payload)).as(payload.toString()).isEmpty();
    assertThat(payload.path("data").path("realm").path("name").asText()).isEqualTo(realm.name());
  }

  @Nested
  class EventsFromRealActions {

    @Test
    void adminCreateUpdateAndDelete() throws Exception {
      String id = realm.createUser("carol", "pw-carol-1");
      UserRepresentation carol = realm.admin().users().get(id).toRepresentation();
      carol.setFirstName("Caroline");
      realm.admin().users().get(id).update(carol);
      realm.admin().users().delete(id).close();

      JsonNode created = receiver.awaitType("user.created", WAIT);
      JsonNode updated = receiver.awaitType("user.updated", WAIT);
      JsonNode deleted = receiver.awaitType("user.deleted", WAIT);

      for (JsonNode payload : List.of(created, updated, deleted)) {
        assertSignedAndValid(payload);
        assertThat(payload.path("data").path("user").path("id").asText()).isEqualTo(id);
        assertThat(payload.path("data").path("actor").path("type").asText()).isEqualTo("admin");
      }
      assertThat(created.path("data").path("user").path("username").asText()).isEqualTo("carol");
      assertThat(created.toString()).doesNotContain("pw-carol-1");
    }

    @Test
    void loginAndFailedLogin() throws Exception {
      realm.createUser("dave", "pw-dave-1");

      realm.tokens().password("dave", "wrong-password");
      realm.tokens().password("dave", "pw-dave-1");

      assertSignedAndValid(receiver.awaitType("user.login", WAIT));
      JsonNode failed = receiver.awaitType("user.login_failed", WAIT);
      assertSignedAndValid(failed);
      assertThat(failed.toString()).doesNotContain("wrong-password");
    }

    @Test
    void userDataPatchAndSuspension() throws Exception {
      String id = realm.createUser("erin", "pw-erin-1");
      String base = "/admin/realms/" + realm.name() + "/user-data/users/" + id;

      admin.send(
          "PATCH", base, "application/merge-patch+json", "{\"custom_data\":{\"plan\":\"pro\"}}");
      admin.send("POST", base + "/suspend", "application/json", "{\"reason\":\"chargeback\"}");
      admin.send("POST", base + "/unsuspend", "application/json", "{}");

      assertSignedAndValid(receiver.awaitType("user.data.updated", WAIT));
      assertSignedAndValid(receiver.awaitType("user.suspended", WAIT));
      assertSignedAndValid(receiver.awaitType("user.unsuspended", WAIT));
    }
  }

  @Nested
  class TheOutbox {

    @Test
    void aRolledBackAdminActionQueuesNothing() throws Exception {
      realm.createUser("gina", "pw-gina-1");
      receiver.awaitType("user.created", WAIT);
      UserRepresentation duplicate = new UserRepresentation();
      duplicate.setUsername("gina");
      duplicate.setEnabled(true);

      int status;
      try (var response = realm.admin().users().create(duplicate)) {
        status = response.getStatus();
      }
      realm.createUser("hank", "pw-hank-1");
      receiver.await(
          p -> p.path("data").path("user").path("username").asText().equals("hank"), WAIT);

      assertThat(status).isEqualTo(409);
      assertThat(deliveries(null))
          .extracting(d -> d.path("eventType").asText())
          .containsOnly("user.created")
          .hasSize(2);
    }

    @Test
    void aReceiverThatIsDownGetsEveryMessageOnceItIsUp() throws Exception {
      AtomicInteger calls = new AtomicInteger();
      receiver.answers(
          request ->
              calls.incrementAndGet() <= 2 ? Response.text(503, "down") : Response.text(200, "ok"));

      String id = realm.createUser("ivan", "pw-ivan-1");
      JsonNode created = receiver.awaitType("user.created", WAIT);
      waitFor(() -> status(deliveries("delivered")).contains("delivered"));

      List<RecordedRequest> attempts = receiver.received();
      assertThat(attempts).hasSize(3);
      assertThat(attempts.stream().map(r -> r.header("webhook-id")).distinct()).hasSize(1);
      assertThat(attempts.stream().map(RecordedRequest::bodyText).distinct()).hasSize(1);
      JsonNode delivery = deliveries("delivered").get(0);
      assertThat(delivery.path("attempts").asInt()).isEqualTo(3);
      assertThat(delivery.path("attemptLog").findValuesAsText("status"))
          .containsExactly("503", "503", "200");
      assertThat(created.path("data").path("user").path("id").asText()).isEqualTo(id);
    }

    @Test
    void retryAfterIsHonoured() throws Exception {
      AtomicInteger calls = new AtomicInteger();
      receiver.answers(
          request ->
              calls.incrementAndGet() == 1
                  ? new Response(429, Map.of("Retry-After", "3"), new byte[0])
                  : Response.text(200, "ok"));

      realm.createUser("judy", "pw-judy-1");
      // The log, not the receiver: an attempt is recorded a moment after the receiver saw it.
      waitFor(
          () ->
              !deliveries(null).isEmpty() && deliveries(null).get(0).path("attempts").asInt() >= 2);

      JsonNode delivery = deliveries(null).get(0);
      List<JsonNode> log = List.copyOf(delivery.path("attemptLog").findParents("attempt"));
      long first = java.time.Instant.parse(log.get(0).path("at").asText()).toEpochMilli();
      long second = java.time.Instant.parse(log.get(1).path("at").asText()).toEpochMilli();
      assertThat(second - first).as("waited for Retry-After").isGreaterThanOrEqualTo(2900);
    }

    @Test
    void goneDisablesTheEndpoint() throws Exception {
      receiver.answers(request -> Response.text(410, "gone"));

      realm.createUser("kim", "pw-kim-1");
      waitFor(() -> !admin.get(webhooks("/" + endpointId)).json().path("enabled").asBoolean());

      JsonNode endpoint = admin.get(webhooks("/" + endpointId)).json();
      assertThat(endpoint.path("disabledReason").asText()).contains("410");
      assertThat(receiver.received()).hasSize(1);
    }
  }

  private List<JsonNode> deliveries(String status) {
    Answer answer =
        admin.get(
            webhooks(
                "/" + endpointId + "/deliveries" + (status == null ? "" : "?status=" + status)));
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return List.copyOf(answer.json().findParents("eventType"));
  }

  private static List<String> status(List<JsonNode> deliveries) {
    return deliveries.stream().map(d -> d.path("status").asText()).toList();
  }

  static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
    long end = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < end) {
      if (condition.getAsBoolean()) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("condition not met within " + WAIT);
  }
}

package io.kcuserdata.it.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.kcuserdata.it.harness.HttpApi;
import io.kcuserdata.it.harness.HttpApi.Answer;
import io.kcuserdata.it.harness.KeycloakIT;
import io.kcuserdata.it.harness.KeycloakServer;
import io.kcuserdata.it.harness.Realms;
import io.kcuserdata.it.harness.TestHttpServer.RecordedRequest;
import io.kcuserdata.it.harness.TestHttpServer.Response;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** {@code /admin/realms/{realm}/user-data/webhooks}: endpoints, secrets, pings and the log. */
@KeycloakIT
class WebhooksAdminApiIT {

  private static final Duration WAIT = Duration.ofSeconds(20);

  private WebhookEndpointFixture hooks;
  private HttpApi admin;

  @BeforeEach
  void realmWithAnEndpoint(Realms realms, HttpApi admin) {
    this.admin = admin;
    hooks = new WebhookEndpointFixture(realms.create(), admin);
  }

  @AfterEach
  void stop() {
    hooks.close();
  }

  private Answer post(String body) {
    return admin.send("POST", hooks.webhooks(""), "application/json", body);
  }

  @Nested
  class Endpoints {

    @Test
    void showTheSecretOnlyWhenItIsCreated(KeycloakServer server) {
      Answer listed = admin.get(hooks.webhooks(""));
      Answer one = admin.get(hooks.webhooks("/" + hooks.endpointId));

      assertThat(hooks.secret).startsWith("whsec_");
      assertThat(listed.body()).doesNotContain(hooks.secret).doesNotContain("secret\"");
      assertThat(one.body()).doesNotContain(hooks.secret);
      assertThat(one.json().path("events").get(0).asText()).isEqualTo("*");
      server.log().ifPresent(log -> assertThat(log.tail(2000)).doesNotContain(hooks.secret));
    }

    @Test
    void refuseBadInputWithAClearMessageAndCreateNothing() {
      int before = admin.get(hooks.webhooks("")).json().size();
      String good = hooks.receiver.url().toString();
      for (String body :
          List.of(
              "{\"url\":\"ftp://example.com/x\",\"events\":[\"*\"]}",
              "{\"url\":\"" + good + "\",\"events\":[\"user.nonsense\"]}",
              "{\"url\":\"" + good + "\",\"events\":[]}",
              "{\"url\":\"" + good + "\",\"events\":\"user.*\"}",
              "{\"url\":\"" + good + "\",\"events\":[\"*\"],\"enabled\":\"yes\"}",
              "{\"url\":\"" + good + "\",\"events\":[\"*\"],\"secret\":\"whsec_x\"}",
              "not json")) {
        Answer refused = post(body);

        assertThat(refused.status()).as(body).isEqualTo(400);
        assertThat(refused.json().path("error_description").asText()).as(body).isNotBlank();
      }
      assertThat(admin.get(hooks.webhooks("")).json().size()).isEqualTo(before);
    }

    @Test
    void refusePrivateAndMetadataAddresses() {
      int port = hooks.receiver.url().getPort();
      for (String url :
          List.of(
              "http://localhost:" + port + "/hook",
              "http://[::1]:" + port + "/hook",
              "http://169.254.169.254/latest/meta-data",
              "http://10.0.0.1/hook")) {
        Answer refused = post("{\"url\":\"" + url + "\",\"events\":[\"*\"]}");

        assertThat(refused.status()).as(url).isEqualTo(400);
        assertThat(refused.json().path("error_description").asText()).as(url).contains("refused");
      }
    }

    @Test
    void canBeReplacedAndDeleted() {
      String path = hooks.webhooks("/" + hooks.endpointId);
      Answer replaced =
          admin.send(
              "PUT",
              path,
              "application/json",
              "{\"url\":\""
                  + hooks.receiver.url()
                  + "\",\"events\":[\"user.*\"],\"description\":\"CRM\",\"enabled\":false}");
      Answer deleted = admin.send("DELETE", path, null, null);

      assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
      assertThat(replaced.json().path("description").asText()).isEqualTo("CRM");
      assertThat(replaced.json().path("enabled").asBoolean()).isFalse();
      assertThat(deleted.status()).isEqualTo(204);
      assertThat(admin.get(path).status()).isEqualTo(404);
    }

    @Test
    void canBeDeletedWithItsDeliveriesAndTheirAttempts() throws Exception {
      int delivered = deliverPings(3);
      String path = hooks.webhooks("/" + hooks.endpointId);

      Answer deleted = admin.send("DELETE", path, null, null);

      assertThat(delivered).isEqualTo(3);
      assertThat(deleted.status()).as(deleted.body()).isEqualTo(204);
      assertThat(admin.get(path).status()).isEqualTo(404);
    }

    @Test
    void goWithTheirRealmDeliveriesIncluded() throws Exception {
      deliverPings(3);

      hooks.realm.admin().remove();

      assertThat(admin.get("/admin/realms/" + hooks.realm.name()).status()).isEqualTo(404);
    }

    private int deliverPings(int count) throws Exception {
      for (int i = 0; i < count; i++) {
        admin.send("POST", hooks.webhooks("/" + hooks.endpointId + "/test"), null, null);
      }
      String path = hooks.webhooks("/" + hooks.endpointId + "/deliveries?status=delivered");
      WebhooksDeliveryIT.waitFor(() -> admin.get(path).json().size() == count);
      return admin.get(path).json().size();
    }

    @Test
    void needManageRealmOrManageEvents() {
      String userId = hooks.realm.createUser("viewer", "pw-viewer-1");
      hooks.realm.grantClientRole(userId, "realm-management", "view-users");
      String token = hooks.realm.tokens().password("viewer", "pw-viewer-1").accessToken();

      Answer refused = hooks.realm.http(token).get(hooks.webhooks(""));

      assertThat(refused.status()).isEqualTo(403);
    }
  }

  @Nested
  class Deliveries {

    @Test
    void aTestPingIsDeliveredSigned() throws Exception {
      Answer queued =
          admin.send("POST", hooks.webhooks("/" + hooks.endpointId + "/test"), null, null);

      JsonNode ping = hooks.receiver.awaitType("ping", WAIT);

      assertThat(queued.status()).isEqualTo(202);
      hooks.assertSignedAndValid(ping);
      RecordedRequest request = hooks.receiver.received().get(0);
      assertThat(request.header("webhook-id")).isEqualTo(queued.json().path("messageId").asText());
    }

    @Test
    void afterRotationBothSecretsSignDuringTheOverlap() throws Exception {
      Answer rotated =
          admin.send("POST", hooks.webhooks("/" + hooks.endpointId + "/rotate-secret"), null, null);
      String fresh = rotated.json().path("secret").asText();

      admin.send("POST", hooks.webhooks("/" + hooks.endpointId + "/test"), null, null);
      hooks.receiver.awaitType("ping", WAIT);

      RecordedRequest request = hooks.receiver.received().get(0);
      assertThat(fresh).startsWith("whsec_").isNotEqualTo(hooks.secret);
      assertThat(request.header("webhook-signature").split(" ")).hasSize(2);
      Receiver.verify(request, fresh);
      Receiver.verify(request, hooks.secret);
    }

    @Test
    void aFailedMessageCanBeRetried() throws Exception {
      hooks.receiver.answers(request -> Response.text(500, "broken"));
      admin.send("POST", hooks.webhooks("/" + hooks.endpointId + "/test"), null, null);
      WebhooksDeliveryIT.waitFor(() -> !deliveries("failed").isEmpty());
      String id = deliveries("failed").get(0).path("id").asText();
      hooks.receiver.answers(request -> Response.text(200, "fixed"));

      Answer retried =
          admin.send(
              "POST",
              hooks.webhooks("/" + hooks.endpointId + "/deliveries/" + id + "/retry"),
              null,
              null);
      WebhooksDeliveryIT.waitFor(() -> !deliveries("delivered").isEmpty());

      assertThat(retried.status()).isEqualTo(202);
      JsonNode delivered = deliveries("delivered").get(0);
      assertThat(delivered.path("id").asText()).isEqualTo(id);
      assertThat(
              delivered
                  .path("attemptLog")
                  .get(delivered.path("attempts").asInt() - 1)
                  .path("response")
                  .asText())
          .isEqualTo("fixed");
      assertThatThrownBy(
              () ->
                  Receiver.verify(
                      hooks.receiver.received().get(0), "whsec_" + "A".repeat(43) + "="))
          .isNotNull();
    }

    private List<JsonNode> deliveries(String status) {
      Answer answer =
          admin.get(hooks.webhooks("/" + hooks.endpointId + "/deliveries?status=" + status));
      return List.copyOf(answer.json().findParents("eventType"));
    }
  }
}

package io.kcuserdata.it.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kcuserdata.it.harness.HttpApi;
import io.kcuserdata.it.harness.HttpApi.Answer;
import io.kcuserdata.it.harness.TestHttpServer.RecordedRequest;
import io.kcuserdata.it.harness.TestRealm;

/** A realm with {@code userdata-webhooks} enabled and one endpoint for every event. */
public final class WebhookEndpointFixture implements AutoCloseable {

  final TestRealm realm;
  final HttpApi admin;
  final Receiver receiver = new Receiver();
  final String endpointId;
  final String secret;

  public WebhookEndpointFixture(TestRealm realm, HttpApi admin) {
    this.realm = realm.enableEventListeners("userdata-webhooks");
    this.admin = admin;
    Answer created =
        admin.send(
            "POST",
            webhooks(""),
            "application/json",
            "{\"url\":\"" + receiver.url() + "\",\"events\":[\"*\"]}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    endpointId = created.json().path("id").asText();
    secret = created.json().path("secret").asText();
  }

  String webhooks(String rest) {
    return "/admin/realms/" + realm.name() + "/user-data/webhooks" + rest;
  }

  /** Signed with the endpoint's secret, valid against its type's schema, for this realm. */
  public void assertSignedAndValid(JsonNode payload) throws Exception {
    RecordedRequest request =
        receiver.received().stream()
            .filter(r -> Receiver.payload(r).equals(payload))
            .findFirst()
            .orElseThrow();
    Receiver.verify(request, secret);
    assertThat(Receiver.schemaErrors(payload)).as(payload.toString()).isEmpty();
    assertThat(payload.path("data").path("realm").path("name").asText()).isEqualTo(realm.name());
  }

  /** The first delivery of {@code type} the receiver got, waiting up to {@code timeout}. */
  public JsonNode awaitType(String type, java.time.Duration timeout) throws InterruptedException {
    return receiver.awaitType(type, timeout);
  }

  @Override
  public void close() {
    receiver.close();
  }
}

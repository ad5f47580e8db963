package io.kcuserdata.it.harness;

import static org.assertj.core.api.Assertions.assertThat;

import io.kcuserdata.it.harness.TestHttpServer.RecordedRequest;
import io.kcuserdata.it.harness.TestHttpServer.Response;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TestHttpServerTest {

  private final HttpClient client = HttpClient.newHttpClient();

  @Test
  void answersAsToldAndRecordsTheRequest() throws Exception {
    try (TestHttpServer http = TestHttpServer.start()) {
      http.respond("/hook", request -> Response.json(202, "{\"ok\":true}"));

      HttpResponse<String> response =
          client.send(
              HttpRequest.newBuilder(http.uri("/hook"))
                  .POST(HttpRequest.BodyPublishers.ofString("{\"a\":1}"))
                  .header("webhook-id", "msg_1")
                  .build(),
              HttpResponse.BodyHandlers.ofString());

      assertThat(response.statusCode()).isEqualTo(202);
      assertThat(response.body()).isEqualTo("{\"ok\":true}");
      RecordedRequest request = http.takeRequest(Duration.ofSeconds(5));
      assertThat(request.method()).isEqualTo("POST");
      assertThat(request.header("Webhook-Id")).isEqualTo("msg_1");
      assertThat(request.bodyText()).isEqualTo("{\"a\":1}");
    }
  }

  @Test
  void answers404ForPathsNobodyRespondsTo() throws Exception {
    try (TestHttpServer http = TestHttpServer.start()) {
      HttpResponse<String> response =
          client.send(
              HttpRequest.newBuilder(http.uri("/nothing")).build(),
              HttpResponse.BodyHandlers.ofString());

      assertThat(response.statusCode()).isEqualTo(404);
      assertThat(http.requests()).hasSize(1);
    }
  }

  @Test
  void answers500WhenTheRespondersOwnCodeFails() throws Exception {
    try (TestHttpServer http = TestHttpServer.start()) {
      http.respond(
          "/boom",
          request -> {
            throw new IllegalStateException("boom");
          });

      HttpResponse<String> response =
          client.send(
              HttpRequest.newBuilder(http.uri("/boom")).build(),
              HttpResponse.BodyHandlers.ofString());

      assertThat(response.statusCode()).isEqualTo(500);
    }
  }
}

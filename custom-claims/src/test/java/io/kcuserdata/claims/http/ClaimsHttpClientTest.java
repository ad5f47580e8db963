package io.kcuserdata.claims.http;

import static io.kcuserdata.claims.http.LoopbackServer.chunked;
import static io.kcuserdata.claims.http.LoopbackServer.fixed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.throwable;

import io.kcuserdata.core.net.SsrfGuard;
import io.kcuserdata.core.net.http.Deadline;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.apache.http.entity.ContentType;
import org.assertj.core.api.AbstractObjectAssert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(30) // guards against a hang only
class ClaimsHttpClientTest {

  private static final int MAX = 64;
  private static final byte[] BODY = "{\"sub\":\"u1\"}".getBytes(StandardCharsets.UTF_8);

  private LoopbackServer server;
  private ClaimsHttpClient client;

  @BeforeEach
  void start() throws Exception {
    server = LoopbackServer.start();
    client = new ClaimsHttpClient(SsrfGuard.withAllowList("127.0.0.1/32"));
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  private ApiResponse post(URI url) throws CallFailedException {
    return post(client, url, Deadline.in(Duration.ofSeconds(5)));
  }

  private static ApiResponse post(ClaimsHttpClient client, URI url, Deadline deadline)
      throws CallFailedException {
    return client.post(
        url, ContentType.APPLICATION_JSON, BODY, Map.of("X-Test", "yes"), deadline, MAX);
  }

  private AbstractObjectAssert<?, Outcome> assertFailure(
      ClaimsHttpClient client, URI url, Deadline deadline) {
    return assertThatThrownBy(() -> post(client, url, deadline))
        .asInstanceOf(throwable(CallFailedException.class))
        .extracting(CallFailedException::outcome);
  }

  private AbstractObjectAssert<?, Outcome> assertFailure(URI url) {
    return assertFailure(client, url, Deadline.in(Duration.ofSeconds(5)));
  }

  @Nested
  class Answers {

    @Test
    void postsTheBodyWithTheHeadersAndReturnsA200Body() throws Exception {
      server.on("/claims", fixed(200, "{\"plan\":\"gold\"}", "Content-Type", "application/json"));

      ApiResponse response = post(server.uri("/claims"));

      assertThat(response.status()).isEqualTo(200);
      assertThat(response.isSuccess()).isTrue();
      assertThat(new String(response.body(), StandardCharsets.UTF_8))
          .isEqualTo("{\"plan\":\"gold\"}");
      LoopbackServer.Request request = server.requests("/claims").get(0);
      assertThat(request.method()).isEqualTo("POST");
      assertThat(request.body()).isEqualTo(BODY);
      assertThat(request.headers().getFirst("X-Test")).isEqualTo("yes");
      assertThat(request.headers().getFirst("Content-Type")).startsWith("application/json");
      assertThat(request.headers().getFirst("User-Agent")).isEqualTo("kc-userdata-external-claims");
    }

    @Test
    void aNon2xxReturnsItsStatusAndRetryAfterWithoutTheBody() throws Exception {
      server.on("/claims", fixed(503, "down for maintenance", "Retry-After", "120"));

      ApiResponse response = post(server.uri("/claims"));

      assertThat(response.status()).isEqualTo(503);
      assertThat(response.isSuccess()).isFalse();
      assertThat(response.body()).isEmpty();
      assertThat(response.retryAfter()).isEqualTo("120");
    }

    @Test
    void theClientKeepsWorkingAfterAnAbandonedBody() throws Exception {
      server.on("/down", fixed(500, "x".repeat(10_000))).on("/up", fixed(200, "{}"));

      assertThat(post(server.uri("/down")).status()).isEqualTo(500);
      assertThat(post(server.uri("/up")).body()).asString().isEqualTo("{}");
    }

    @ParameterizedTest
    @ValueSource(ints = {301, 302, 303, 307, 308})
    void redirectsAreReturnedAndNeverFollowed(int status) throws Exception {
      server
          .on("/start", fixed(status, "", "Location", server.uri("/target").toString()))
          .on("/target", fixed(200, "{}"));

      assertThat(post(server.uri("/start")).status()).isEqualTo(status);
      assertThat(server.requests("/target")).isEmpty();
    }
  }

  @Nested
  class SizeLimit {

    @Test
    void aBodyOfExactlyTheLimitIsRead() throws Exception {
      server.on("/exact", fixed(200, "x".repeat(MAX))).on("/chunked", chunked(MAX));

      assertThat(post(server.uri("/exact")).body()).hasSize(MAX);
      assertThat(post(server.uri("/chunked")).body()).hasSize(MAX);
    }

    @Test
    void aContentLengthOverTheLimitIsAnInvalidResponse() {
      server.on("/big", fixed(200, "x".repeat(MAX + 1)));

      assertFailure(server.uri("/big")).isEqualTo(Outcome.INVALID_RESPONSE);
    }

    @Test
    void aChunkedBodyOverTheLimitIsAnInvalidResponse() {
      server.on("/big", chunked(100_000));

      assertFailure(server.uri("/big")).isEqualTo(Outcome.INVALID_RESPONSE);
    }
  }

  @Nested
  class Failures {

    @Test
    void aServerSlowerThanTheDeadlineIsATimeout() {
      server.on("/slow", server.hang());

      // Several calls: the watchdog's abort and the deadline race within a millisecond.
      for (int call = 0; call < 5; call++) {
        assertFailure(client, server.uri("/slow"), Deadline.in(Duration.ofMillis(100)))
            .isEqualTo(Outcome.TIMEOUT);
      }
    }

    @Test
    void aDeadlineAlreadyPassedCallsNothing() {
      server.on("/claims", fixed(200, "{}"));

      assertFailure(client, server.uri("/claims"), new Deadline(System.nanoTime()))
          .isEqualTo(Outcome.TIMEOUT);
      assertThat(server.requests("/claims")).isEmpty();
    }

    @Test
    void aClosedPortIsATransportError() throws Exception {
      assertFailure(URI.create("http://127.0.0.1:" + LoopbackServer.closedPort() + "/claims"))
          .isEqualTo(Outcome.TRANSPORT_ERROR);
    }

    @Test
    void messagesNameTheHostButNeverThePathOrQuery() {
      server.on("/tenant-42", server.hang());

      assertThatThrownBy(
              () ->
                  post(
                      client,
                      server.uri("/tenant-42?api_key=k3y"),
                      Deadline.in(Duration.ofMillis(200))))
          .hasMessageContaining("127.0.0.1")
          .hasMessageNotContainingAny("tenant-42", "api_key", "k3y");
    }
  }

  @Nested
  class SsrfGuarding {

    @Test
    void aGuardWithoutAllowListRefusesLoopback() {
      server.on("/claims", fixed(200, "{}"));

      try (ClaimsHttpClient guarded = new ClaimsHttpClient(SsrfGuard.defaults())) {
        Deadline deadline = Deadline.in(Duration.ofSeconds(5));
        assertFailure(guarded, server.uri("/claims"), deadline).isEqualTo(Outcome.REFUSED);
        URI localhost = URI.create("http://localhost:" + server.port() + "/claims");
        assertFailure(guarded, localhost, deadline).isEqualTo(Outcome.REFUSED);
      }
      assertThat(server.requests("/claims")).isEmpty();
    }

    @Test
    void theAllowListLetsOnlyItsNetworkThrough() throws Exception {
      server.on("/claims", fixed(200, "{}"));

      try (ClaimsHttpClient other = new ClaimsHttpClient(SsrfGuard.withAllowList("10.0.0.0/8"))) {
        assertFailure(other, server.uri("/claims"), Deadline.in(Duration.ofSeconds(5)))
            .isEqualTo(Outcome.REFUSED);
      }
      assertThat(post(server.uri("/claims")).status()).isEqualTo(200);
    }
  }
}

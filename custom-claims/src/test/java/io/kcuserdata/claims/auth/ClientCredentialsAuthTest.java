package io.kcuserdata.claims.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.throwable;

import com.sun.net.httpserver.HttpExchange;
import io.kcuserdata.claims.http.CallFailedException;
import io.kcuserdata.claims.http.ClaimsHttpClient;
import io.kcuserdata.claims.http.LoopbackServer;
import io.kcuserdata.claims.http.Outcome;
import io.kcuserdata.core.net.SsrfGuard;
import io.kcuserdata.core.net.http.Deadline;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(30) // guards against a hang only
class ClientCredentialsAuthTest {

  private static final String SECRET = "s3cret";
  private static final byte[] BODY = "{}".getBytes(StandardCharsets.UTF_8);

  private final AtomicLong nanos = new AtomicLong(42_000_000_000L);
  private final AtomicInteger issued = new AtomicInteger();
  private final AtomicInteger status = new AtomicInteger(200);

  /** The token endpoint's answer; %d is replaced by the number of the token issued. */
  private final AtomicReference<String> answer =
      new AtomicReference<>("{\"access_token\":\"tok-%d\",\"expires_in\":300}");

  private LoopbackServer server;
  private ClaimsHttpClient http;

  @BeforeEach
  void start() throws IOException {
    server = LoopbackServer.start().on("/token", this::tokenEndpoint);
    http = new ClaimsHttpClient(SsrfGuard.withAllowList("127.0.0.1/32"));
  }

  @AfterEach
  void stop() {
    http.close();
    server.close();
  }

  private void tokenEndpoint(LoopbackServer.Request request, HttpExchange exchange)
      throws IOException {
    byte[] bytes =
        String.format(answer.get(), issued.incrementAndGet()).getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status.get(), bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  private ClientCredentialsAuth auth(String clientId, String scope) {
    return new ClientCredentialsAuth(http, server.uri("/token"), clientId, scope, nanos::get);
  }

  private static String authorization(RequestAuth auth, String secret) throws CallFailedException {
    return auth.headers(BODY, secret, Deadline.in(Duration.ofSeconds(5))).get("Authorization");
  }

  private void advance(Duration duration) {
    nanos.addAndGet(duration.toNanos());
  }

  @Nested
  class Reuse {

    @Test
    void fetchesATokenOnceAndReusesIt() throws Exception {
      ClientCredentialsAuth auth = auth("kc", "");

      assertThat(authorization(auth, SECRET)).isEqualTo("Bearer tok-1");
      assertThat(authorization(auth, SECRET)).isEqualTo("Bearer tok-1");
      assertThat(server.requests("/token")).hasSize(1);
    }

    @ParameterizedTest(name = "expires_in {0} s: renewed after {1} s")
    @CsvSource({"300, 270", "60, 30", "40, 20", "1, 1", "0, 0"})
    void renewsExpiresInMinusTheSmallerOf30sAndHalfTheLifetime(int expiresIn, int usable)
        throws Exception {
      answer.set("{\"access_token\":\"tok-%d\",\"expires_in\":" + expiresIn + "}");
      ClientCredentialsAuth auth = auth("kc", "");
      authorization(auth, SECRET);

      if (usable > 0) {
        advance(Duration.ofSeconds(usable).minusNanos(1));
        assertThat(authorization(auth, SECRET)).isEqualTo("Bearer tok-1");
        advance(Duration.ofNanos(1));
      }
      assertThat(authorization(auth, SECRET)).isEqualTo("Bearer tok-2");
    }

    @Test
    void aTokenWithoutExpiresInIsTakenToLastAMinute() throws Exception {
      answer.set("{\"access_token\":\"tok-%d\"}");
      ClientCredentialsAuth auth = auth("kc", "");
      authorization(auth, SECRET);

      advance(Duration.ofSeconds(30).minusNanos(1));
      assertThat(authorization(auth, SECRET)).isEqualTo("Bearer tok-1");
      advance(Duration.ofNanos(1));
      assertThat(authorization(auth, SECRET)).isEqualTo("Bearer tok-2");
    }

    @Test
    void aRejectedTokenIsFetchedAgain() throws Exception {
      ClientCredentialsAuth auth = auth("kc", "");
      authorization(auth, SECRET);

      auth.rejected();

      assertThat(authorization(auth, SECRET)).isEqualTo("Bearer tok-2");
    }

    @Test
    void aChangedSecretFetchesAgain() throws Exception {
      ClientCredentialsAuth auth = auth("kc", "");
      authorization(auth, SECRET);

      assertThat(authorization(auth, "rotated")).isEqualTo("Bearer tok-2");
      assertThat(server.requests("/token").get(1).headers().getFirst("Authorization"))
          .isEqualTo("Basic " + base64("kc:rotated"));
    }
  }

  @Nested
  class TokenRequest {

    @Test
    void sendsTheClientCredentialsGrantAsAForm() throws Exception {
      authorization(auth("kc", "claims:read profile"), SECRET);

      LoopbackServer.Request request = server.requests("/token").get(0);
      assertThat(request.method()).isEqualTo("POST");
      assertThat(request.bodyText())
          .isEqualTo("grant_type=client_credentials&scope=claims%3Aread+profile");
      assertThat(request.headers().getFirst("Content-Type"))
          .startsWith("application/x-www-form-urlencoded");
      assertThat(request.headers().getFirst("Accept")).isEqualTo("application/json");
    }

    @Test
    void asksForNoScopeWhenNoneIsConfigured() throws Exception {
      authorization(auth("kc", ""), SECRET);

      assertThat(server.requests("/token").get(0).bodyText())
          .isEqualTo("grant_type=client_credentials");
    }

    @Test
    void authenticatesWithHttpBasicOfTheUrlEncodedIdAndSecret() throws Exception {
      authorization(auth("kc client:1", ""), "p@ss word:/");

      String header = server.requests("/token").get(0).headers().getFirst("Authorization");
      assertThat(header).startsWith("Basic ");
      assertThat(
              new String(Base64.getDecoder().decode(header.substring(6)), StandardCharsets.UTF_8))
          .isEqualTo("kc+client%3A1:p%40ss+word%3A%2F");
    }

    @Test
    void encodesNonAsciiAsUtf8() throws Exception {
      authorization(auth("kç", ""), "é");

      assertThat(server.requests("/token").get(0).headers().getFirst("Authorization"))
          .isEqualTo("Basic " + base64("k%C3%A7:%C3%A9"));
    }
  }

  @Nested
  class Failures {

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 500, 302})
    void aNon200TokenEndpointIsAnHttpError(int code) {
      status.set(code);

      assertThatThrownBy(() -> authorization(auth("kc", ""), SECRET))
          .asInstanceOf(throwable(CallFailedException.class))
          .extracting(CallFailedException::outcome)
          .isEqualTo(Outcome.HTTP_ERROR);
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "{\"token_type\":\"Bearer\"}", "{\"access_token\":\"\"}", "{\"access_token\":42}",
          "{\"access_token\":null}", "[\"tok\"]", "not json"
        })
    void anAnswerWithoutAccessTokenIsAnInvalidResponse(String body) {
      answer.set(body);

      assertThatThrownBy(() -> authorization(auth("kc", ""), SECRET))
          .asInstanceOf(throwable(CallFailedException.class))
          .extracting(CallFailedException::outcome)
          .isEqualTo(Outcome.INVALID_RESPONSE);
    }

    @Test
    void aFailedFetchIsRetriedOnTheNextCall() throws Exception {
      status.set(503);
      ClientCredentialsAuth auth = auth("kc", "");
      assertThatThrownBy(() -> authorization(auth, SECRET)).isInstanceOf(CallFailedException.class);

      status.set(200);

      assertThat(authorization(auth, SECRET)).isEqualTo("Bearer tok-2");
    }
  }

  private static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }
}

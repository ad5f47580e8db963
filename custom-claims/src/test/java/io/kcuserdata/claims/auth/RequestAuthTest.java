package io.kcuserdata.claims.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.kcuserdata.claims.config.ExternalClaimsConfig;
import io.kcuserdata.claims.http.ClaimsHttpClient;
import io.kcuserdata.core.net.SsrfGuard;
import io.kcuserdata.core.net.http.Deadline;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RequestAuthTest {

  private final ClaimsHttpClient http = new ClaimsHttpClient(SsrfGuard.defaults());

  @AfterEach
  void close() {
    http.close();
  }

  private RequestAuth auth(String type, String... keyValues) {
    Map<String, String> raw = new HashMap<>();
    raw.put("url", "https://claims.example.com/c");
    raw.put("auth.type", type);
    raw.put("auth.secret", "s");
    for (int i = 0; i < keyValues.length; i += 2) {
      raw.put(keyValues[i], keyValues[i + 1]);
    }
    return RequestAuth.of(ExternalClaimsConfig.parse(raw), http);
  }

  private static Map<String, String> headers(RequestAuth auth, String secret) throws Exception {
    return auth.headers(new byte[0], secret, Deadline.in(Duration.ofSeconds(5)));
  }

  @Nested
  class ByAuthType {

    @Test
    void noneAddsNoHeader() throws Exception {
      assertThat(headers(auth("none"), null)).isEmpty();
    }

    @Test
    void bearerSendsTheResolvedSecret() throws Exception {
      assertThat(headers(auth("bearer"), "t0ken"))
          .containsExactly(Map.entry("Authorization", "Bearer t0ken"));
    }

    @Test
    void hmacSignsTheBody() {
      assertThat(auth("hmac")).isInstanceOf(HmacAuth.class);
    }

    @Test
    void clientCredentialsFetchesTokens() {
      RequestAuth auth =
          auth(
              "client-credentials",
              "auth.client.id",
              "kc",
              "auth.token.url",
              "https://as.example.com/token");

      assertThat(auth).isInstanceOf(ClientCredentialsAuth.class);
    }
  }

  @Nested
  class Rejection {

    @Test
    void forgetsNothingWhenNothingIsCached() throws Exception {
      RequestAuth bearer = auth("bearer");

      bearer.rejected();

      assertThat(headers(bearer, "t0ken")).containsEntry("Authorization", "Bearer t0ken");
    }
  }
}

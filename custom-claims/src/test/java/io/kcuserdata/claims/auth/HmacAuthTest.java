package io.kcuserdata.claims.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kcuserdata.claims.http.CallFailedException;
import io.kcuserdata.claims.http.Outcome;
import io.kcuserdata.core.net.http.Deadline;
import io.kcuserdata.core.signing.WebhookSecret;
import io.kcuserdata.core.signing.WebhookSigner;
import io.kcuserdata.core.signing.WebhookVerificationException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class HmacAuthTest {

  private static final String SECRET = WebhookSecret.generate().encoded();
  private static final byte[] BODY =
      "{\"user\":{\"id\":\"u1\"},\"token_type\":\"access\"}".getBytes(StandardCharsets.UTF_8);

  private final HmacAuth auth = new HmacAuth();

  private Map<String, String> sign(byte[] body, String secret) throws CallFailedException {
    return auth.headers(body, secret, Deadline.in(Duration.ofSeconds(5)));
  }

  private static void verify(String secret, Map<String, String> headers, byte[] body) {
    new WebhookSigner(WebhookSecret.parse(secret))
        .verify(
            headers.get("webhook-id"),
            headers.get("webhook-timestamp"),
            headers.get("webhook-signature"),
            body);
  }

  @Nested
  class Headers {

    @Test
    void carriesTheThreeStandardWebhooksHeaders() throws Exception {
      Map<String, String> headers = sign(BODY, SECRET);

      assertThat(headers).containsOnlyKeys("webhook-id", "webhook-timestamp", "webhook-signature");
      assertThat(headers.get("webhook-id")).matches("msg_[0-9a-f]{32}");
      assertThat(headers.get("webhook-timestamp")).matches("[0-9]+");
      assertThat(headers.get("webhook-signature")).matches("v1,[A-Za-z0-9+/]+={0,2}");
    }

    @Test
    void everyCallHasItsOwnId() throws Exception {
      assertThat(sign(BODY, SECRET).get("webhook-id"))
          .isNotEqualTo(sign(BODY, SECRET).get("webhook-id"));
    }
  }

  @Nested
  class Signature {

    @Test
    void verifiesWithTheSecretOverTheExactBody() throws Exception {
      Map<String, String> headers = sign(BODY, SECRET);

      assertThatCode(() -> verify(SECRET, headers, BODY)).doesNotThrowAnyException();
    }

    @Test
    void doesNotVerifyForAnotherBodyOrSecret() throws Exception {
      Map<String, String> headers = sign(BODY, SECRET);
      byte[] changed = "{\"user\":{\"id\":\"u2\"}}".getBytes(StandardCharsets.UTF_8);

      assertThatThrownBy(() -> verify(SECRET, headers, changed))
          .isInstanceOf(WebhookVerificationException.class);
      assertThatThrownBy(() -> verify(WebhookSecret.generate().encoded(), headers, BODY))
          .isInstanceOf(WebhookVerificationException.class);
    }

    @Test
    void aChangedSecretSignsWithTheNewOne() throws Exception {
      sign(BODY, SECRET);
      String rotated = WebhookSecret.generate().encoded();

      Map<String, String> headers = sign(BODY, rotated);

      assertThatCode(() -> verify(rotated, headers, BODY)).doesNotThrowAnyException();
      assertThatThrownBy(() -> verify(SECRET, headers, BODY))
          .isInstanceOf(WebhookVerificationException.class);
    }

    @Test
    void anEmptyBodyIsSignedToo() throws Exception {
      Map<String, String> headers = sign(new byte[0], SECRET);

      assertThatCode(() -> verify(SECRET, headers, new byte[0])).doesNotThrowAnyException();
    }
  }

  @Nested
  class UnusableSecrets {

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"plain-token", "whsec_***not-base64***", "whsec_c2hvcnQ="})
    void anInvalidSecretFailsTheCallWithoutQuotingIt(String secret) {
      assertThatThrownBy(() -> sign(BODY, secret))
          .isInstanceOf(CallFailedException.class)
          .hasMessageStartingWith("the HMAC secret is not usable: ")
          .hasMessageNotContainingAny("plain-token", "not-base64", "c2hvcnQ")
          .extracting(e -> ((CallFailedException) e).outcome())
          .isEqualTo(Outcome.TRANSPORT_ERROR);
    }

    @Test
    void aValidSecretAfterAnInvalidOneWorks() throws Exception {
      assertThatThrownBy(() -> sign(BODY, "plain-token")).isInstanceOf(CallFailedException.class);

      Map<String, String> headers = sign(BODY, SECRET);

      assertThatCode(() -> verify(SECRET, headers, BODY)).doesNotThrowAnyException();
    }
  }
}

package io.kcuserdata.core.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.kcuserdata.core.signing.WebhookVerificationException.Reason;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookSignerTest {

  // The test vector published with the Standard Webhooks specification and its libraries.
  static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
  static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
  static final long TIMESTAMP = 1614265330L;
  static final byte[] BODY = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);
  static final String SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

  static Clock at(long epochSecond) {
    return Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC);
  }

  final WebhookSigner signer =
      new WebhookSigner(WebhookSecret.parse(SECRET)).withClock(at(TIMESTAMP));

  static void assertRefused(ThrowingCallable call, Reason reason) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            WebhookVerificationException.class, e -> assertThat(e.reason()).isEqualTo(reason))
        .hasMessageNotContaining("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
  }

  @Nested
  class TestVector {

    @Test
    void signingTheSpecificationsMessageGivesItsPublishedSignature() {
      WebhookHeaders headers = signer.sign(ID, TIMESTAMP, BODY);

      assertThat(headers.signature()).isEqualTo(SIGNATURE);
      assertThat(headers.asMap())
          .containsExactly(
              entry("webhook-id", ID),
              entry("webhook-timestamp", "1614265330"),
              entry("webhook-signature", SIGNATURE));
    }

    @Test
    void thePublishedSignatureVerifies() {
      assertThatCode(() -> signer.verify(ID, "1614265330", SIGNATURE, BODY))
          .doesNotThrowAnyException();
    }
  }

  @Nested
  class Signing {

    @Test
    void signingWithoutATimestampUsesTheClock() {
      assertThat(signer.withClock(at(1_700_000_000L)).sign(ID, BODY).timestamp())
          .isEqualTo(1_700_000_000L);
    }

    @Test
    void theSignatureCoversTheExactBytesNotARereadingOfThem() {
      byte[] spaced = "{\"test\":  2432232314}".getBytes(StandardCharsets.UTF_8);

      assertThat(signer.sign(ID, TIMESTAMP, spaced).signature()).isNotEqualTo(SIGNATURE);
    }

    @Test
    void eachSecretOfARotationSignsSoEitherVerifies() {
      WebhookSecret old = WebhookSecret.parse(SECRET);
      WebhookSecret fresh = WebhookSecret.generate();
      WebhookHeaders headers =
          new WebhookSigner(List.of(fresh, old)).withClock(at(TIMESTAMP)).sign(ID, BODY);

      assertThat(headers.signature().split(" ")).hasSize(2).endsWith(SIGNATURE);
      assertThatCode(
              () ->
                  new WebhookSigner(fresh)
                      .withClock(at(TIMESTAMP))
                      .verify(ID, "1614265330", headers.signature(), BODY))
          .doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "msg 1", "msg\r\nx-injected: 1", "msg.1", "msg_é"})
    void idsThatCouldBreakTheHeaderOrTheSignedTextAreRefused(String id) {
      assertThatThrownBy(() -> signer.sign(id, TIMESTAMP, BODY))
          .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aNegativeTimestampIsRefused() {
      assertThatThrownBy(() -> signer.sign(ID, -1, BODY))
          .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSignerNeedsASecret() {
      assertThatThrownBy(() -> new WebhookSigner(List.of()))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Nested
  class Tampering {

    @Test
    void aChangedBodyFails() {
      byte[] changed = "{\"test\": 2432232315}".getBytes(StandardCharsets.UTF_8);

      assertRefused(
          () -> signer.verify(ID, "1614265330", SIGNATURE, changed), Reason.NO_MATCHING_SIGNATURE);
    }

    @Test
    void aChangedIdFails() {
      assertRefused(
          () -> signer.verify("msg_p5jXN8AQM9LWM0D4loKWxJel", "1614265330", SIGNATURE, BODY),
          Reason.NO_MATCHING_SIGNATURE);
    }

    @Test
    void aChangedTimestampFails() {
      assertRefused(
          () -> signer.verify(ID, "1614265331", SIGNATURE, BODY), Reason.NO_MATCHING_SIGNATURE);
    }

    @Test
    void anotherSecretFails() {
      WebhookSigner other = new WebhookSigner(WebhookSecret.generate()).withClock(at(TIMESTAMP));

      assertRefused(
          () -> other.verify(ID, "1614265330", SIGNATURE, BODY), Reason.NO_MATCHING_SIGNATURE);
    }
  }

  @Nested
  class Timestamps {

    @Test
    void aMessageSignedWithinTheToleranceVerifies() {
      WebhookSigner later = signer.withClock(at(TIMESTAMP + 300));
      WebhookSigner earlier = signer.withClock(at(TIMESTAMP - 300));

      assertThatCode(() -> later.verify(ID, "1614265330", SIGNATURE, BODY))
          .doesNotThrowAnyException();
      assertThatCode(() -> earlier.verify(ID, "1614265330", SIGNATURE, BODY))
          .doesNotThrowAnyException();
    }

    @Test
    void aMessageOlderThanTheToleranceFailsEvenWhenCorrectlySigned() {
      WebhookSigner later = signer.withClock(at(TIMESTAMP + 301));

      assertRefused(
          () -> later.verify(ID, "1614265330", SIGNATURE, BODY), Reason.TIMESTAMP_TOO_OLD);
    }

    @Test
    void aMessageFromFurtherInTheFutureThanTheToleranceFails() {
      WebhookSigner earlier = signer.withClock(at(TIMESTAMP - 301));

      assertRefused(
          () -> earlier.verify(ID, "1614265330", SIGNATURE, BODY), Reason.TIMESTAMP_TOO_NEW);
    }

    @Test
    void theToleranceCanBeChanged() {
      WebhookSigner strict =
          signer.withTolerance(Duration.ofSeconds(10)).withClock(at(TIMESTAMP + 11));

      assertRefused(
          () -> strict.verify(ID, "1614265330", SIGNATURE, BODY), Reason.TIMESTAMP_TOO_OLD);
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "-1614265330", "1614265330.5", "2021-02-25T15:02:10Z"})
    void aTimestampThatIsNotUnixSecondsFails(String timestamp) {
      assertRefused(() -> signer.verify(ID, timestamp, SIGNATURE, BODY), Reason.INVALID_TIMESTAMP);
    }
  }

  @Nested
  class SignatureHeader {

    @Test
    void oneValidSignatureAmongSeveralIsEnough() {
      String header = "v1,Ceb7aMbFCLRtf2Qjxg/IUKTjZpQM2L2IcQ4xMnTbSxw= v1a,ignored " + SIGNATURE;

      assertThatCode(() -> signer.verify(ID, "1614265330", header, BODY))
          .doesNotThrowAnyException();
    }

    @Test
    void malformedEntriesDoNotStopAValidOne() {
      String header = "garbage v1,!!notbase64!! v1, " + SIGNATURE;

      assertThatCode(() -> signer.verify(ID, "1614265330", header, BODY))
          .doesNotThrowAnyException();
    }

    @Test
    void onlyWrongSignaturesFail() {
      String header = "v1,Ceb7aMbFCLRtf2Qjxg/IUKTjZpQM2L2IcQ4xMnTbSxw= v1,!!notbase64!!";

      assertRefused(
          () -> signer.verify(ID, "1614265330", header, BODY), Reason.NO_MATCHING_SIGNATURE);
    }

    @Test
    void aHeaderWithoutAnyV1SignatureFails() {
      String header = SIGNATURE.replace("v1,", "v2,");

      assertRefused(() -> signer.verify(ID, "1614265330", header, BODY), Reason.NO_SIGNATURE);
    }

    @Test
    void missingHeadersFail() {
      assertRefused(
          () -> signer.verify(null, "1614265330", SIGNATURE, BODY), Reason.MISSING_HEADER);
      assertRefused(() -> signer.verify(ID, " ", SIGNATURE, BODY), Reason.MISSING_HEADER);
      assertRefused(() -> signer.verify(ID, "1614265330", "", BODY), Reason.MISSING_HEADER);
    }
  }
}

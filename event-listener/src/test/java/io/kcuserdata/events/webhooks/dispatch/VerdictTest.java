package io.kcuserdata.events.webhooks.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VerdictTest {

  @ParameterizedTest
  @ValueSource(ints = {200, 201, 202, 204, 299})
  void aSuccessStatusIsDelivered(int status) {
    assertThat(Verdict.of(status)).isEqualTo(Verdict.DELIVERED);
  }

  @Test
  void goneAsksNeverToBeCalledAgain() {
    assertThat(Verdict.of(410)).isEqualTo(Verdict.GONE);
  }

  @Test
  void noResponseAtAllIsRetried() {
    assertThat(Verdict.of(null)).isEqualTo(Verdict.RETRY);
  }

  @ParameterizedTest
  @ValueSource(ints = {100, 199, 300, 301, 302, 304, 400, 401, 403, 404, 409, 429, 500, 502, 503})
  void everyOtherStatusIsRetried(int status) {
    assertThat(Verdict.of(status)).isEqualTo(Verdict.RETRY);
  }

  @Test
  void anAttemptResultTakesItsVerdictFromItsStatus() {
    assertThat(new AttemptResult(204, null, null, 5, null).verdict()).isEqualTo(Verdict.DELIVERED);
    assertThat(new AttemptResult(null, null, "timeout", 5, null).verdict())
        .isEqualTo(Verdict.RETRY);
  }
}

package io.kcuserdata.events.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class LoginTallyTest {

  private static final Instant AT = Instant.parse("2026-11-21T10:15:30.123456Z");

  @Nested
  class TheLoginCount {

    @Test
    void startsAtOneOnTheFirstLogin() {
      assertThat(LoginTally.nextCount(null)).isEqualTo(1);
    }

    @Test
    void growsByOneOnEveryLogin() {
      assertThat(LoginTally.nextCount("1")).isEqualTo(2);
      assertThat(LoginTally.nextCount("41")).isEqualTo(42);
    }

    @Test
    void restartsAtOneWhenTheStoredValueIsNotACount() {
      assertThat(LoginTally.nextCount("lots")).isEqualTo(1);
      assertThat(LoginTally.nextCount("-3")).isEqualTo(1);
      assertThat(LoginTally.nextCount(Long.toString(Long.MAX_VALUE))).isEqualTo(1);
    }
  }

  @Nested
  class TheLastLogin {

    @Test
    void isTheEventTimeInRfc3339WithMilliseconds() {
      assertThat(LoginTally.afterLogin(null, AT, "10.0.0.1"))
          .containsEntry("status.last_login_at", "2026-11-21T10:15:30.123Z");
    }

    @Test
    void keepsTheClientAddress() {
      assertThat(LoginTally.afterLogin("2", AT, "192.0.2.7"))
          .containsEntry("status.last_login_ip", "192.0.2.7")
          .containsEntry("status.login_count", "3");
    }

    @Test
    void removesThePreviousAddressWhenTheNewOneIsUnknown() {
      Map<String, String> updates = LoginTally.afterLogin("2", AT, null);
      assertThat(updates).containsKey("status.last_login_ip");
      assertThat(updates.get("status.last_login_ip")).isNull();
    }
  }
}

package io.kcuserdata.events.status.fold;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kcuserdata.core.json.Json;
import java.time.Instant;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class LoginTallyTest {

  private static final Instant AT = Instant.parse("2026-11-21T10:15:30.123456Z");

  private static ObjectNode status(String json) {
    return (ObjectNode) Json.parseOrNull(json);
  }

  @Nested
  class TheLoginCount {

    @Test
    void startsAtOneOnTheFirstLogin() {
      assertThat(LoginTally.afterLogin(Json.object(), AT, "10.0.0.1").get("login_count").asLong())
          .isEqualTo(1);
    }

    @Test
    void growsByOneOnEveryLoginAndStaysANumber() {
      ObjectNode after = LoginTally.afterLogin(status("{\"login_count\":41}"), AT, "10.0.0.1");

      assertThat(after.get("login_count").isIntegralNumber()).isTrue();
      assertThat(after.get("login_count").asLong()).isEqualTo(42);
    }

    @Test
    void continuesACountStoredAsText() {
      assertThat(
              LoginTally.afterLogin(status("{\"login_count\":\"7\"}"), AT, null)
                  .get("login_count")
                  .asLong())
          .isEqualTo(8);
    }

    @Test
    void restartsAtOneWhenTheStoredValueIsNotACount() {
      assertThat(LoginTally.nextCount(Json.NODES.textNode("lots"))).isEqualTo(1);
      assertThat(LoginTally.nextCount(Json.NODES.numberNode(-3))).isEqualTo(1);
      assertThat(LoginTally.nextCount(Json.NODES.numberNode(Long.MAX_VALUE))).isEqualTo(1);
    }
  }

  @Nested
  class TheLastLogin {

    @Test
    void isTheEventTimeInRfc3339WithMilliseconds() {
      assertThat(LoginTally.afterLogin(Json.object(), AT, "10.0.0.1").get("last_login_at").asText())
          .isEqualTo("2026-11-21T10:15:30.123Z");
    }

    @Test
    void keepsTheClientAddress() {
      assertThat(
              LoginTally.afterLogin(Json.object(), AT, "192.0.2.7").get("last_login_ip").asText())
          .isEqualTo("192.0.2.7");
    }

    @Test
    void removesThePreviousAddressWhenTheNewOneIsUnknown() {
      ObjectNode after =
          LoginTally.afterLogin(status("{\"last_login_ip\":\"192.0.2.7\"}"), AT, null);

      assertThat(after.has("last_login_ip")).isFalse();
    }

    @Test
    void leavesOtherStatusKeysAlone() {
      ObjectNode after =
          LoginTally.afterLogin(status("{\"suspended_reason\":\"fraud\"}"), AT, "10.0.0.1");

      assertThat(after.get("suspended_reason").asText()).isEqualTo("fraud");
    }
  }

  @Nested
  class SeveralLoginsFoldedAtOnce {

    @Test
    void addTheirNumberAndTakeTheLatestTimeAndAddress() {
      ObjectNode after =
          LoginTally.afterLogins(
              status("{\"login_count\":10,\"last_login_at\":\"2026-11-20T00:00:00Z\"}"),
              3,
              AT,
              "10.0.0.3");

      assertThat(after.get("login_count").asLong()).isEqualTo(13);
      assertThat(after.get("last_login_at").asText()).isEqualTo("2026-11-21T10:15:30.123Z");
      assertThat(after.get("last_login_ip").asText()).isEqualTo("10.0.0.3");
    }

    @Test
    void keepARecordedLastLoginThatIsLaterStillCountingThem() {
      ObjectNode after =
          LoginTally.afterLogins(
              status(
                  "{\"login_count\":1,\"last_login_at\":\"2026-12-01T00:00:00Z\","
                      + "\"last_login_ip\":\"192.0.2.1\"}"),
              2,
              AT,
              "10.0.0.3");

      assertThat(after.get("login_count").asLong()).isEqualTo(3);
      assertThat(after.get("last_login_at").asText()).isEqualTo("2026-12-01T00:00:00Z");
      assertThat(after.get("last_login_ip").asText()).isEqualTo("192.0.2.1");
    }

    @Test
    void restartATamperedOrOverflowingCountAtTheirNumber() {
      assertThat(LoginTally.nextCount(Json.NODES.textNode("lots"), 4)).isEqualTo(4);
      assertThat(LoginTally.nextCount(Json.NODES.numberNode(Long.MAX_VALUE - 2), 4)).isEqualTo(4);
    }
  }
}

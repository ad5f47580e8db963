package io.kcuserdata.events.status;

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
}

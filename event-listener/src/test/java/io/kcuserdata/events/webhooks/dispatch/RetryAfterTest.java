package io.kcuserdata.events.webhooks.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class RetryAfterTest {

  private static final Instant NOW = Instant.parse("2026-03-14T12:00:00Z");

  private static String httpDate(Instant at) {
    return DateTimeFormatter.RFC_1123_DATE_TIME.format(at.atOffset(ZoneOffset.UTC));
  }

  @Nested
  class InSeconds {

    @Test
    void isTheWait() {
      assertThat(RetryAfter.parse("120", NOW)).contains(Duration.ofSeconds(120));
    }

    @Test
    void mayBeZero() {
      assertThat(RetryAfter.parse("0", NOW)).contains(Duration.ZERO);
    }

    @Test
    void ignoresSurroundingWhitespace() {
      assertThat(RetryAfter.parse(" 30 ", NOW)).contains(Duration.ofSeconds(30));
    }

    @Test
    void isCappedAtADay() {
      assertThat(RetryAfter.parse("86400", NOW)).contains(Duration.ofDays(1));
      assertThat(RetryAfter.parse("86401", NOW)).contains(Duration.ofDays(1));
      assertThat(RetryAfter.parse("999999999", NOW)).contains(Duration.ofDays(1));
    }

    @Test
    void isCappedAtADayHoweverManyDigits() {
      assertThat(RetryAfter.parse("1234567890", NOW)).contains(Duration.ofDays(1));
      assertThat(RetryAfter.parse("9".repeat(40), NOW)).contains(Duration.ofDays(1));
    }
  }

  @Nested
  class AsAnHttpDate {

    @Test
    void inTheFutureIsTheTimeUntilThen() {
      assertThat(RetryAfter.parse(httpDate(NOW.plusSeconds(90)), NOW))
          .contains(Duration.ofSeconds(90));
    }

    @Test
    void inTheRfcExampleFormIsRead() {
      Instant now = Instant.parse("1994-11-06T08:48:37Z");

      assertThat(RetryAfter.parse("Sun, 06 Nov 1994 08:49:37 GMT", now))
          .contains(Duration.ofMinutes(1));
    }

    @Test
    void inThePastMeansNow() {
      assertThat(RetryAfter.parse(httpDate(NOW.minusSeconds(3600)), NOW)).contains(Duration.ZERO);
    }

    @Test
    void moreThanADayAwayIsCappedAtADay() {
      assertThat(RetryAfter.parse(httpDate(NOW.plus(Duration.ofDays(30))), NOW))
          .contains(Duration.ofDays(1));
    }
  }

  @Nested
  class Garbage {

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  ", "soon", "-5", "1.5", "5s", "2026-03-14T12:00:00Z", "Sun, 99 Nov"})
    void isNoRetryAfter(String header) {
      assertThat(RetryAfter.parse(header, NOW)).isEmpty();
    }
  }
}

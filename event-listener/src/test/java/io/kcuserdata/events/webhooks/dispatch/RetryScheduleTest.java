package io.kcuserdata.events.webhooks.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class RetryScheduleTest {

  private static final List<Duration> STANDARD_DELAYS =
      List.of(
          Duration.ofSeconds(5),
          Duration.ofMinutes(5),
          Duration.ofMinutes(30),
          Duration.ofHours(2),
          Duration.ofHours(5),
          Duration.ofHours(10),
          Duration.ofHours(10));

  /** A generator whose {@code nextDouble} is always {@code value}. */
  static RandomGenerator fixed(double value) {
    return new RandomGenerator() {
      @Override
      public long nextLong() {
        throw new UnsupportedOperationException();
      }

      @Override
      public double nextDouble() {
        return value;
      }
    };
  }

  private static Duration scaled(Duration delay, double factor) {
    return Duration.ofMillis(Math.round(delay.toMillis() * factor));
  }

  @Nested
  class TheStandardSchedule {

    private final RetrySchedule standard = RetrySchedule.standard();

    @Test
    void isTheStandardWebhooksOne() {
      assertThat(RetrySchedule.STANDARD).isEqualTo("5s,5m,30m,2h,5h,10h,10h");
      assertThat(standard.toString()).isEqualTo(STANDARD_DELAYS.toString());
    }

    @Test
    void givesEightAttemptsInAll() {
      assertThat(standard.maxAttempts()).isEqualTo(8);
    }

    @Test
    void waitsTheNthDelayAfterTheNthFailureWhenTheJitterIsCentred() {
      for (int n = 1; n <= 7; n++) {
        assertThat(standard.next(n, fixed(0.5))).contains(STANDARD_DELAYS.get(n - 1));
      }
    }

    @Test
    void waitsNoLessThanEightyPercent() {
      for (int n = 1; n <= 7; n++) {
        assertThat(standard.next(n, fixed(0.0))).contains(scaled(STANDARD_DELAYS.get(n - 1), 0.8));
      }
    }

    @Test
    void waitsNoMoreThanOneHundredTwentyPercent() {
      for (int n = 1; n <= 7; n++) {
        Duration delay = STANDARD_DELAYS.get(n - 1);
        assertThat(standard.next(n, fixed(Math.nextDown(1.0))).orElseThrow())
            .isLessThanOrEqualTo(scaled(delay, 1.2))
            .isGreaterThan(scaled(delay, 1.19));
      }
    }

    @Test
    void variesEachDelayWithinTwentyPercent() {
      RandomGenerator random = new SplittableRandom(42);
      for (int n = 1; n <= 7; n++) {
        Duration delay = STANDARD_DELAYS.get(n - 1);
        int failures = n;
        List<Duration> waits =
            IntStream.range(0, 500)
                .mapToObj(i -> standard.next(failures, random).orElseThrow())
                .toList();

        assertThat(waits)
            .allSatisfy(w -> assertThat(w).isBetween(scaled(delay, 0.8), scaled(delay, 1.2)));
        assertThat(waits).anySatisfy(w -> assertThat(w).isLessThan(scaled(delay, 0.9)));
        assertThat(waits).anySatisfy(w -> assertThat(w).isGreaterThan(scaled(delay, 1.1)));
      }
    }

    @Test
    void hasNothingLeftAfterTheLastDelay() {
      assertThat(standard.next(8, fixed(0.5))).isEmpty();
      assertThat(standard.next(100, fixed(0.5))).isEmpty();
    }

    @Test
    void hasNothingBeforeAFailure() {
      assertThat(standard.next(0, fixed(0.5))).isEmpty();
      assertThat(standard.next(-1, fixed(0.5))).isEmpty();
    }
  }

  @Nested
  class Parsing {

    @ParameterizedTest
    @CsvSource({"250ms,PT0.25S", "7s,PT7S", "3m,PT3M", "4h,PT4H", "2d,PT48H", "0s,PT0S"})
    void readsEachUnit(String text, Duration expected) {
      assertThat(RetrySchedule.parse(text).next(1, fixed(0.5))).contains(expected);
    }

    @Test
    void ignoresCaseAndSpacesAroundEntries() {
      RetrySchedule schedule = RetrySchedule.parse(" 5S , 2H ");

      assertThat(schedule.maxAttempts()).isEqualTo(3);
      assertThat(schedule.next(2, fixed(0.5))).contains(Duration.ofHours(2));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void anEmptyScheduleNeverRetries(String text) {
      RetrySchedule schedule = RetrySchedule.parse(text);

      assertThat(schedule.maxAttempts()).isEqualTo(1);
      assertThat(schedule.next(1, fixed(0.5))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"s", "-5s", "abc", "5s,,5m", "1234567890s"})
    void refusesAnEntryThatIsNotANumberWithAUnit(String text) {
      assertThatThrownBy(() -> RetrySchedule.parse(text))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("is not a number with a unit");
    }

    @ParameterizedTest
    @ValueSource(strings = {"5", "5w", "5sec", "5mm", "5 s", "1.5h"})
    void refusesAMissingOrUnknownUnitNamingTheEntry(String entry) {
      assertThatThrownBy(() -> RetrySchedule.parse("1s," + entry))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("'" + entry + "'")
          .hasMessageContaining("ms, s, m, h or d");
    }
  }
}

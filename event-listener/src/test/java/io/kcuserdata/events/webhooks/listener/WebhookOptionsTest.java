package io.kcuserdata.events.webhooks.listener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kcuserdata.events.options.MapScope;
import io.kcuserdata.events.webhooks.dispatch.RetrySchedule;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WebhookOptionsTest {

  private static final String KEY = "q2hMq7bN0c4ZrjR6b7lq3Xy1vJ8pS2dF9uK5wE0tA1g=";

  private static WebhookOptions read(Map<String, String> options) {
    return WebhookOptions.read(new MapScope(options));
  }

  /** The option set to {@code value}, with a lease and timeout that fit any of them. */
  private static WebhookOptions readWith(String key, String value) {
    Map<String, String> options =
        new HashMap<>(Map.of("lease-seconds", "3600", "timeout-ms", "100"));
    options.put(key, value);
    return read(options);
  }

  @Nested
  class WithoutOptions {

    private final WebhookOptions options = read(Map.of());

    @Test
    void usesTheDefaults() {
      assertThat(options.secretKey()).isNull();
      assertThat(options.schedule()).hasToString(RetrySchedule.standard().toString());
      assertThat(options.workers()).isEqualTo(8);
      assertThat(options.pollInterval()).isEqualTo(Duration.ofSeconds(1));
      assertThat(options.lease()).isEqualTo(Duration.ofSeconds(60));
      assertThat(options.timeout()).isEqualTo(Duration.ofSeconds(10));
      assertThat(options.keepDelivered()).isEqualTo(Duration.ofDays(7));
      assertThat(options.keepFailed()).isEqualTo(Duration.ofDays(30));
      assertThat(options.rotationOverlap()).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void describesTheDefaultsSayingSecretsAreUnencrypted() {
      assertThat(options.describe())
          .containsExactly(
              Map.entry("secret-key", "(not set)"),
              Map.entry("retry-schedule", "[PT5S, PT5M, PT30M, PT2H, PT5H, PT10H, PT10H]"),
              Map.entry("workers", "8"),
              Map.entry("poll-interval-ms", "1000"),
              Map.entry("batch-window-ms", "100"),
              Map.entry("lease-seconds", "60"),
              Map.entry("timeout-ms", "10000"),
              Map.entry("keep-delivered-days", "7"),
              Map.entry("keep-failed-days", "30"),
              Map.entry("rotation-overlap-hours", "24"));
    }
  }

  @Nested
  class TheNumbers {

    @ParameterizedTest
    @CsvSource({
      "workers, 1, 256",
      "batch-window-ms, 0, 5000",
      "poll-interval-ms, 50, 600000",
      "lease-seconds, 5, 3600",
      "timeout-ms, 100, 120000",
      "keep-delivered-days, 1, 3650",
      "keep-failed-days, 1, 3650",
      "rotation-overlap-hours, 0, 720"
    })
    void areAcceptedAtTheEndsOfTheirRange(String key, int min, int max) {
      assertThat(readWith(key, Integer.toString(min)).describe()).containsEntry(key, "" + min);
      assertThat(readWith(key, Integer.toString(max)).describe()).containsEntry(key, "" + max);
    }

    @ParameterizedTest
    @CsvSource({
      "workers, 1, 256",
      "batch-window-ms, 0, 5000",
      "poll-interval-ms, 50, 600000",
      "lease-seconds, 5, 3600",
      "timeout-ms, 100, 120000",
      "keep-delivered-days, 1, 3650",
      "keep-failed-days, 1, 3650",
      "rotation-overlap-hours, 0, 720"
    })
    void areRefusedOutsideTheirRangeNamingTheKey(String key, int min, int max) {
      String range = key + " must be from " + min + " to " + max;
      assertThatThrownBy(() -> readWith(key, Integer.toString(min - 1)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(range);
      assertThatThrownBy(() -> readWith(key, Integer.toString(max + 1)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(range);
    }
  }

  @Nested
  class TheLease {

    @Test
    void mustBeLongerThanTheTimeout() {
      assertThatThrownBy(() -> read(Map.of("lease-seconds", "10", "timeout-ms", "10000")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("lease-seconds must be longer than timeout-ms");
      assertThatThrownBy(() -> read(Map.of("lease-seconds", "10", "timeout-ms", "10001")))
          .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void mayBeJustLongerThanTheTimeout() {
      WebhookOptions options = read(Map.of("lease-seconds", "11", "timeout-ms", "10000"));

      assertThat(options.lease()).isGreaterThan(options.timeout());
    }
  }

  @Nested
  class TheRetrySchedule {

    @Test
    void isTheOperatorsWhenGiven() {
      assertThat(read(Map.of("retry-schedule", "1s,1m")).schedule().maxAttempts()).isEqualTo(3);
    }

    @Test
    void isRefusedWhenMalformedNamingTheEntry() {
      assertThatThrownBy(() -> read(Map.of("retry-schedule", "1s,1y")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("'1y'");
    }
  }

  @Nested
  class TheSecretKey {

    @Test
    void isKeptForTheCipher() {
      assertThat(read(Map.of("secret-key", KEY)).secretKey()).isEqualTo(KEY);
    }

    @Test
    void isDescribedAsSetButNeverShown() {
      Map<String, String> described = read(Map.of("secret-key", KEY)).describe();

      assertThat(described).containsEntry("secret-key", "(set)");
      assertThat(described.values()).noneMatch(v -> v.contains(KEY));
      assertThat(described.toString()).doesNotContain(KEY).doesNotContain(KEY.substring(0, 8));
    }

    @Test
    void thatIsBlankCountsAsNotSet() {
      assertThat(read(Map.of("secret-key", "  ")).describe())
          .containsEntry("secret-key", "(not set)");
    }
  }
}

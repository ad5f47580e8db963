package io.kcuserdata.events.webhooks.listener;

import io.kcuserdata.events.options.WholeNumberOption;
import io.kcuserdata.events.webhooks.dispatch.RetrySchedule;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.keycloak.Config;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * The {@code userdata-webhooks} SPI options ({@code --spi-events-listener--userdata-webhooks--…}),
 * checked at startup: a bad value stops the server with the reason rather than running with a
 * surprise.
 */
record WebhookOptions(
    String secretKey,
    RetrySchedule schedule,
    int workers,
    Duration pollInterval,
    Duration batchWindow,
    Duration lease,
    Duration timeout,
    Duration keepDelivered,
    Duration keepFailed,
    Duration rotationOverlap) {

  static final String SECRET_KEY = "secret-key";
  static final String RETRY_SCHEDULE = "retry-schedule";
  static final String WORKERS = "workers";
  static final String POLL_INTERVAL_MS = "poll-interval-ms";
  static final String BATCH_WINDOW_MS = "batch-window-ms";
  static final String LEASE_SECONDS = "lease-seconds";
  static final String TIMEOUT_MS = "timeout-ms";
  static final String KEEP_DELIVERED_DAYS = "keep-delivered-days";
  static final String KEEP_FAILED_DAYS = "keep-failed-days";
  static final String ROTATION_OVERLAP_HOURS = "rotation-overlap-hours";

  static WebhookOptions read(Config.Scope config) {
    WebhookOptions options =
        new WebhookOptions(
            config.get(SECRET_KEY),
            RetrySchedule.parse(config.get(RETRY_SCHEDULE, RetrySchedule.STANDARD)),
            within(config, WORKERS, 8, 1, 256),
            Duration.ofMillis(within(config, POLL_INTERVAL_MS, 1000, 50, 600_000)),
            Duration.ofMillis(within(config, BATCH_WINDOW_MS, 100, 0, 5000)),
            Duration.ofSeconds(within(config, LEASE_SECONDS, 60, 5, 3600)),
            Duration.ofMillis(within(config, TIMEOUT_MS, 10_000, 100, 120_000)),
            Duration.ofDays(within(config, KEEP_DELIVERED_DAYS, 7, 1, 3650)),
            Duration.ofDays(within(config, KEEP_FAILED_DAYS, 30, 1, 3650)),
            Duration.ofHours(within(config, ROTATION_OVERLAP_HOURS, 24, 0, 24 * 30)));
    if (options.lease().compareTo(options.timeout()) <= 0) {
      throw new IllegalArgumentException(
          "userdata-webhooks: lease-seconds must be longer than timeout-ms, or a slow receiver"
              + " would see the same message from two workers");
    }
    return options;
  }

  private static int within(Config.Scope config, String key, int fallback, int min, int max) {
    return WholeNumberOption.read(config, "userdata-webhooks", key, fallback, min, max);
  }

  @Override
  public String toString() {
    return "WebhookOptions" + describe();
  }

  /** For the admin console's provider info, never the key. */
  Map<String, String> describe() {
    Map<String, String> info = new LinkedHashMap<>();
    info.put(SECRET_KEY, secretKey == null || secretKey.isBlank() ? "(not set)" : "(set)");
    info.put(RETRY_SCHEDULE, schedule.toString());
    info.put(WORKERS, Integer.toString(workers));
    info.put(POLL_INTERVAL_MS, Long.toString(pollInterval.toMillis()));
    info.put(BATCH_WINDOW_MS, Long.toString(batchWindow.toMillis()));
    info.put(LEASE_SECONDS, Long.toString(lease.toSeconds()));
    info.put(TIMEOUT_MS, Long.toString(timeout.toMillis()));
    info.put(KEEP_DELIVERED_DAYS, Long.toString(keepDelivered.toDays()));
    info.put(KEEP_FAILED_DAYS, Long.toString(keepFailed.toDays()));
    info.put(ROTATION_OVERLAP_HOURS, Long.toString(rotationOverlap.toHours()));
    return info;
  }

  static List<ProviderConfigProperty> metadata() {
    return ProviderConfigurationBuilder.create()
        .property()
        .name(SECRET_KEY)
        .type("string")
        .secret(true)
        .helpText(
            "32 random bytes in base64 sealing webhook secrets in the database (AES-GCM) when the"
                + " pack's own secret-key (spi-userdata--default--secret-key) is not set; secrets"
                + " sealed under it keep opening after that one is set.")
        .add()
        .property()
        .name(RETRY_SCHEDULE)
        .type("string")
        .defaultValue(RetrySchedule.STANDARD)
        .helpText("Waits before each retry (ms, s, m, h, d), ±20 % jitter; then failed.")
        .add()
        .property()
        .name(WORKERS)
        .type("int")
        .defaultValue(8)
        .helpText("Deliveries in flight at once on each node.")
        .add()
        .property()
        .name(POLL_INTERVAL_MS)
        .type("int")
        .defaultValue(1000)
        .helpText("How often due messages are looked for when no commit wakes the dispatcher.")
        .add()
        .property()
        .name(BATCH_WINDOW_MS)
        .type("int")
        .defaultValue(100)
        .helpText(
            "How long the dispatcher lets commits gather after one wakes it, so that one"
                + " transaction claims and records many messages: less CPU per delivery, this much"
                + " more latency (0: send at once).")
        .add()
        .property()
        .name(LEASE_SECONDS)
        .type("int")
        .defaultValue(60)
        .helpText("How long a claimed message belongs to one node; after a crash, the wait.")
        .add()
        .property()
        .name(TIMEOUT_MS)
        .type("int")
        .defaultValue(10_000)
        .helpText("One delivery attempt, connect to last byte.")
        .add()
        .property()
        .name(KEEP_DELIVERED_DAYS)
        .type("int")
        .defaultValue(7)
        .helpText("Days delivered messages stay in the delivery log.")
        .add()
        .property()
        .name(KEEP_FAILED_DAYS)
        .type("int")
        .defaultValue(30)
        .helpText("Days failed messages stay (and can be retried).")
        .add()
        .property()
        .name(ROTATION_OVERLAP_HOURS)
        .type("int")
        .defaultValue(24)
        .helpText("After a secret rotation, how long the old secret still signs.")
        .add()
        .build();
  }
}

package io.kcuserdata.events.webhooks.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Webhook meters in Keycloak's registry: {@code userdata_webhooks_pending} and {@code
 * userdata_webhooks_oldest_pending_age_seconds} (refreshed by the dispatcher's housekeeping, for
 * the whole database, not per node), {@code userdata_webhooks_deliveries_total{result}} and {@code
 * userdata_webhooks_delivery_duration_seconds}.
 */
public final class WebhookMetrics {

  private final MeterRegistry registry;
  private final AtomicLong pending = new AtomicLong();
  private final AtomicLong oldestPendingAgeSeconds = new AtomicLong();
  private final Map<String, Counter> deliveries = new ConcurrentHashMap<>();
  private final Timer latency;

  public WebhookMetrics(MeterRegistry registry) {
    this.registry = registry;
    Gauge.builder("userdata.webhooks.pending", pending, AtomicLong::get)
        .description("Messages waiting for delivery")
        .register(registry);
    Gauge.builder(
            "userdata.webhooks.oldest.pending.age.seconds",
            oldestPendingAgeSeconds,
            AtomicLong::get)
        .description("Age of the oldest message waiting for delivery")
        .register(registry);
    latency =
        Timer.builder("userdata.webhooks.delivery.duration")
            .description("Delivery attempts, request to response")
            .publishPercentileHistogram()
            .minimumExpectedValue(Duration.ofMillis(1))
            .maximumExpectedValue(Duration.ofSeconds(30))
            .register(registry);
  }

  public void backlog(long count, long oldestAgeSeconds) {
    pending.set(count);
    oldestPendingAgeSeconds.set(oldestAgeSeconds);
  }

  /**
   * @param result delivered, retry_scheduled, failed, endpoint_disabled
   */
  public void delivery(String result, long millis) {
    deliveries
        .computeIfAbsent(
            result,
            r ->
                Counter.builder("userdata.webhooks.deliveries")
                    .description("Delivery attempts by result")
                    .tag("result", r)
                    .register(registry))
        .increment();
    latency.record(Duration.ofMillis(millis));
  }
}

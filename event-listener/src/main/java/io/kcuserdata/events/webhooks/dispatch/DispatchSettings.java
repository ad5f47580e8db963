package io.kcuserdata.events.webhooks.dispatch;

import java.time.Duration;

/**
 * How the dispatcher runs, from the {@code userdata-webhooks} SPI options.
 *
 * @param workers deliveries in flight at once on this node
 * @param pollInterval how often due messages are looked for when nothing wakes the dispatcher
 * @param batchWindow how long commits gather after one wakes the dispatcher, so that one
 *     transaction claims (and later records) many messages rather than one
 * @param lease how long a claimed message is this node's; longer than {@code timeout}
 * @param timeout one delivery attempt, connect to last byte
 * @param keepDelivered how long delivered messages stay in the delivery log
 * @param keepFailed how long failed messages stay
 */
public record DispatchSettings(
    int workers,
    Duration pollInterval,
    Duration batchWindow,
    Duration lease,
    Duration timeout,
    RetrySchedule schedule,
    Duration keepDelivered,
    Duration keepFailed) {}

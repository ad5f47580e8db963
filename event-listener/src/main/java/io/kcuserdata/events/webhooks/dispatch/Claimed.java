package io.kcuserdata.events.webhooks.dispatch;

import java.net.URI;

/**
 * A message this node leased for one delivery attempt.
 *
 * @param leaseOwner the claim's token: recording the attempt clears the lease only while it is
 *     still this one (another node may have taken it after it ran out)
 */
public record Claimed(
    String messageId,
    String endpointId,
    URI url,
    String payload,
    int attempts,
    String leaseOwner,
    long createdAt) {}

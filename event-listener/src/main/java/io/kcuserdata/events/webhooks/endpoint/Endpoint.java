package io.kcuserdata.events.webhooks.endpoint;

import java.net.URI;

/** An endpoint as the dispatcher and the admin API see it; never with its secret. */
public record Endpoint(
    String id,
    String realmId,
    URI url,
    EventPatterns events,
    boolean enabled,
    String description,
    boolean includeAppMetadata,
    String disabledReason,
    long createdAt) {}

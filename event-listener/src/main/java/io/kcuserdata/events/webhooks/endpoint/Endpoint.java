package io.kcuserdata.events.webhooks.endpoint;

import io.kcuserdata.events.webhooks.catalog.PayloadExtra;
import java.net.URI;
import java.util.Set;

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
    long createdAt) {

  /** What this endpoint's payloads carry beyond the event: users' data it asked for. */
  public Set<PayloadExtra> extras() {
    return PayloadExtra.askedFor(includeAppMetadata);
  }
}

package io.kcuserdata.events.webhooks.store;

import io.kcuserdata.events.tables.PackTables;
import java.util.List;

/**
 * Adds the webhook tables to Keycloak's database: the same transactions as users are what make the
 * outbox transactional.
 */
public final class WebhookEntities extends PackTables {

  public static final String ID = "userdata-webhooks";

  public WebhookEntities() {
    super(
        ID,
        "META-INF/userdata-webhooks-changelog.xml",
        List.of(EndpointEntity.class, MessageEntity.class, AttemptEntity.class));
  }
}

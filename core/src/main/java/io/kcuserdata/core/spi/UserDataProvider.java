package io.kcuserdata.core.spi;

import io.kcuserdata.core.net.OutboundUse;
import io.kcuserdata.core.net.SsrfGuard;
import io.kcuserdata.core.service.UserDataService;
import org.keycloak.provider.Provider;

/** The user-data model inside Keycloak: what REST resources, mappers and listeners call. */
public interface UserDataProvider extends Provider {

  UserDataService service();

  /**
   * The guard every outbound call of the pack for {@code use} (claims APIs, webhooks) goes through,
   * with the operator's allow-list for that use's internal services.
   */
  SsrfGuard outboundGuard(OutboundUse use);

  @Override
  default void close() {}
}

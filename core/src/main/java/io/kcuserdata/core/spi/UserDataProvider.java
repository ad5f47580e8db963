package io.kcuserdata.core.spi;

import io.kcuserdata.core.net.SsrfGuard;
import io.kcuserdata.core.service.UserDataService;
import org.keycloak.provider.Provider;

/** The user-data model inside Keycloak: what REST resources, mappers and listeners call. */
public interface UserDataProvider extends Provider {

  UserDataService service();

  /**
   * The guard every outbound call of the pack (claims APIs, webhooks) goes through, with the
   * operator's allow-list for their own internal services.
   */
  SsrfGuard outboundGuard();

  @Override
  default void close() {}
}

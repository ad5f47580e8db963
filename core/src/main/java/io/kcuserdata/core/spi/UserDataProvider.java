package io.kcuserdata.core.spi;

import io.kcuserdata.core.service.UserDataService;
import org.keycloak.provider.Provider;

/** The user-data model inside Keycloak: what REST resources, mappers and listeners call. */
public interface UserDataProvider extends Provider {

  UserDataService service();

  @Override
  default void close() {}
}

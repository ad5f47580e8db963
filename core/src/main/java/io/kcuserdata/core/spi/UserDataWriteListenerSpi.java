package io.kcuserdata.core.spi;

import org.keycloak.provider.Provider;
import org.keycloak.provider.ProviderFactory;
import org.keycloak.provider.Spi;

/**
 * {@code userdata-write-listener}: what hangs on the one write path of user data (a search index,
 * change events). Every factory deployed is called, in no particular order.
 */
public final class UserDataWriteListenerSpi implements Spi {

  public static final String NAME = "userdata-write-listener";

  @Override
  public boolean isInternal() {
    return false;
  }

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public Class<? extends Provider> getProviderClass() {
    return UserDataWriteListener.class;
  }

  @Override
  @SuppressWarnings("rawtypes")
  public Class<? extends ProviderFactory> getProviderFactoryClass() {
    return UserDataWriteListenerFactory.class;
  }
}

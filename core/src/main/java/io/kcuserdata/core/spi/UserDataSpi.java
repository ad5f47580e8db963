package io.kcuserdata.core.spi;

import org.keycloak.provider.Provider;
import org.keycloak.provider.ProviderFactory;
import org.keycloak.provider.Spi;

/**
 * The pack's own SPI, {@code userdata}, so operators can set the model's limits with Keycloak's
 * usual options, e.g. {@code --spi-userdata--default--max-namespace-bytes=32768}.
 */
public final class UserDataSpi implements Spi {

  public static final String NAME = "userdata";

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
    return UserDataProvider.class;
  }

  @Override
  @SuppressWarnings("rawtypes")
  public Class<? extends ProviderFactory> getProviderFactoryClass() {
    return UserDataProviderFactory.class;
  }
}

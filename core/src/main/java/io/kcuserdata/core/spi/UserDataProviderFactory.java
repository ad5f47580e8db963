package io.kcuserdata.core.spi;

import org.keycloak.provider.ProviderFactory;

/** Factories of the {@code userdata} SPI; the pack ships one, {@code default}. */
public interface UserDataProviderFactory extends ProviderFactory<UserDataProvider> {}

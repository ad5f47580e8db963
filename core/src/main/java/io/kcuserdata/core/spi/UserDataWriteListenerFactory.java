package io.kcuserdata.core.spi;

import org.keycloak.provider.ProviderFactory;

/** Factories of the {@value UserDataWriteListenerSpi#NAME} SPI. */
public interface UserDataWriteListenerFactory extends ProviderFactory<UserDataWriteListener> {}

package io.kcuserdata.core.spi;

import org.keycloak.provider.Provider;

/**
 * Told of every write of user data that changed something, whatever path it took, in the same
 * transaction: what a listener writes (an index row, an outbox entry) commits or rolls back with
 * the data. A listener that throws fails the write. Deploy one as a factory of the SPI {@value
 * UserDataWriteListenerSpi#NAME}.
 */
public interface UserDataWriteListener extends Provider {

  void written(UserDataWrite write);

  @Override
  default void close() {}
}

package io.kcuserdata.core.spi;

import io.kcuserdata.core.net.OutboundUse;
import io.kcuserdata.core.net.SsrfGuard;
import io.kcuserdata.core.secrets.RealmSecrets;
import io.kcuserdata.core.secrets.SealingKey;
import io.kcuserdata.core.service.UserDataService;
import java.util.Optional;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.Provider;

/** The user-data model inside Keycloak: what REST resources, mappers and listeners call. */
public interface UserDataProvider extends Provider {

  UserDataService service();

  /**
   * The guard every outbound call of the pack for {@code use} (claims APIs, webhooks) goes through,
   * with the operator's allow-list for that use's internal services.
   */
  SsrfGuard outboundGuard(OutboundUse use);

  /** The operator's key for the pack's secrets (SPI option {@code secret-key}), when set. */
  Optional<SealingKey> operatorKey();

  /**
   * Seals the secrets the pack keeps in Keycloak's own configuration and keys its fingerprints, for
   * {@code realm}: under the operator's key when set, else under the realm's own AES key.
   */
  RealmSecrets secrets(RealmModel realm);

  @Override
  default void close() {}
}

package io.kcuserdata.core.spi;

import com.fasterxml.jackson.databind.JsonNode;
import io.kcuserdata.core.access.Caller;
import io.kcuserdata.core.document.UserDataDocument;
import io.kcuserdata.core.namespace.Namespace;
import io.kcuserdata.core.net.OutboundUse;
import io.kcuserdata.core.net.SsrfGuard;
import io.kcuserdata.core.secrets.RealmSecrets;
import io.kcuserdata.core.secrets.SealingKey;
import io.kcuserdata.core.service.UserDataService.WriteResult;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.provider.Provider;

/**
 * The user-data model inside Keycloak: what REST resources, mappers, listeners, forms and the user
 * profile call. It is the one path every read and write of a user's namespaced data takes: writes
 * are checked against the access table, the key rules, the limits and the realm's JSON Schemas,
 * stored, and then handed to every {@link UserDataWriteListener} in the same transaction.
 *
 * <p>Writers that must not lose a concurrent change lock the user first ({@link UserLock}) and
 * write through the model the lock answers.
 */
public interface UserDataProvider extends Provider {

  /** The user's data, decoded once per session and kept until a write here changes it. */
  UserDataDocument read(RealmModel realm, UserModel user);

  /** Attributes already loaded in bulk (the streamed export), decoded as {@link #read} does. */
  UserDataDocument decode(Map<String, List<String>> attributes);

  /**
   * Applies a merge patch of the whole document as {@code caller}.
   *
   * @param ifMatch the {@code If-Match} header, or {@code null}
   * @throws io.kcuserdata.core.error.InvalidUserDataException for a refused write (a {@link
   *     io.kcuserdata.core.schema.SchemaViolationException} for a schema's); nothing is stored
   * @throws io.kcuserdata.core.service.PreconditionFailedException for a stale {@code ifMatch}
   */
  WriteResult patch(
      RealmModel realm, UserModel user, Caller caller, JsonNode patch, String ifMatch);

  /** Replaces one namespace with {@code content} ({@code {}} empties it), as {@link #patch}. */
  WriteResult replace(
      RealmModel realm,
      UserModel user,
      Caller caller,
      Namespace namespace,
      JsonNode content,
      String ifMatch);

  /**
   * Refuses {@code patch} exactly as {@link #patch} would, writing nothing; {@code user} {@code
   * null} is a user not yet created (a registration form).
   */
  void check(RealmModel realm, UserModel user, Caller caller, JsonNode patch);

  /** The realm's JSON Schemas, which every write of {@link #patch} and {@link #replace} meets. */
  RealmSchemas schemas(RealmModel realm);

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

package io.kcuserdata.claims.mapper;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kcuserdata.claims.cache.CacheKey;
import io.kcuserdata.claims.config.ExternalClaimsConfig;
import io.kcuserdata.claims.config.InvalidConfigException;
import io.kcuserdata.claims.http.CallFailedException;
import io.kcuserdata.claims.http.Outcome;
import io.kcuserdata.claims.runtime.MapperRuntime;
import io.kcuserdata.claims.runtime.MapperRuntimes;
import io.kcuserdata.claims.runtime.Resolution;
import io.kcuserdata.claims.secret.MapperSecret;
import io.kcuserdata.claims.secret.PlainSecretsAtStartup;
import io.kcuserdata.claims.secret.SealOnArrival;
import io.kcuserdata.claims.shaping.ApiAnswer;
import io.kcuserdata.core.net.OutboundUse;
import io.kcuserdata.core.secrets.RealmSecrets;
import io.kcuserdata.core.secrets.SealedSecretException;
import io.kcuserdata.core.spi.UserDataProvider;
import io.micrometer.core.instrument.Metrics;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.ProtocolMapperContainerModel;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.models.utils.PostMigrationEvent;
import org.keycloak.protocol.ProtocolMapperConfigException;
import org.keycloak.protocol.oidc.mappers.AbstractOIDCProtocolMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAccessTokenMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAttributeMapperHelper;
import org.keycloak.protocol.oidc.mappers.OIDCIDTokenMapper;
import org.keycloak.protocol.oidc.mappers.TokenIntrospectionTokenMapper;
import org.keycloak.protocol.oidc.mappers.UserInfoTokenMapper;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.representations.AccessToken;
import org.keycloak.representations.IDToken;
import org.keycloak.vault.VaultStringSecret;

/**
 * {@code userdata-external-claims-mapper}: claims from the realm's own HTTP API, fetched when a
 * token is issued, bounded by a timeout, cached, behind a circuit breaker.
 */
public final class ExternalClaimsMapper extends AbstractOIDCProtocolMapper
    implements OIDCAccessTokenMapper,
        OIDCIDTokenMapper,
        UserInfoTokenMapper,
        TokenIntrospectionTokenMapper {

  public static final String PROVIDER_ID = "userdata-external-claims-mapper";

  private static final Logger LOG = Logger.getLogger(ExternalClaimsMapper.class);
  private static final List<ProviderConfigProperty> PROPERTIES = ExternalClaimsProperties.create();
  private static final String MEMO = PROVIDER_ID + ":";

  private final MapperRuntimes runtimes = new MapperRuntimes(Metrics.globalRegistry);

  @Override
  public String getId() {
    return PROVIDER_ID;
  }

  @Override
  public String getDisplayType() {
    return "External claims (HTTP API)";
  }

  @Override
  public String getDisplayCategory() {
    return TOKEN_MAPPER_CATEGORY;
  }

  @Override
  public String getHelpText() {
    return "Adds claims answered by your HTTP API when a token is issued: bounded by a timeout,"
        + " cached, behind a circuit breaker, with a failure policy. The API may also refuse the"
        + " token.";
  }

  @Override
  public List<ProviderConfigProperty> getConfigProperties() {
    return PROPERTIES;
  }

  @Override
  public void postInit(KeycloakSessionFactory factory) {
    factory.register(new SealOnArrival());
    factory.register(
        event -> {
          if (event instanceof PostMigrationEvent) {
            PlainSecretsAtStartup.seal(factory);
          }
        });
  }

  /**
   * Checks the config the admin API is about to store and seals a secret typed in, in place: the
   * admin API stores this very model afterwards, so the secret is never stored in clear. A sealed
   * secret sent back unchanged is kept if it still opens for this realm and config.
   */
  @Override
  public void validateConfig(
      KeycloakSession session,
      RealmModel realm,
      ProtocolMapperContainerModel client,
      ProtocolMapperModel mapperModel)
      throws ProtocolMapperConfigException {
    Map<String, String> raw = mapperModel.getConfig();
    try {
      ExternalClaimsConfig config = ExternalClaimsConfig.parse(raw);
      RealmSecrets secrets = session.getProvider(UserDataProvider.class).secrets(realm);
      String literal =
          switch (MapperSecret.formOf(raw)) {
            case SEALED -> MapperSecret.open(secrets, realm.getId(), raw);
            case PLAIN -> config.secret();
            default -> null;
          };
      ConfigChecks.check(config, guard(session), literal);
      MapperSecret.sealInPlace(secrets, realm.getId(), raw);
    } catch (InvalidConfigException e) {
      throw ConfigChecks.invalid(e.getMessage());
    } catch (SealedSecretException e) {
      throw ConfigChecks.invalid(MapperSecret.refusal(e));
    }
  }

  @Override
  public AccessToken transformAccessToken(
      AccessToken token,
      ProtocolMapperModel model,
      KeycloakSession session,
      UserSessionModel userSession,
      ClientSessionContext clientSessionCtx) {
    boolean lightweight = getShouldUseLightweightToken(session);
    if (lightweight
        ? OIDCAttributeMapperHelper.includeInLightweightAccessToken(model)
        : OIDCAttributeMapperHelper.includeInAccessToken(model)) {
      apply(token, TokenType.ACCESS, lightweight, model, session, userSession, clientSessionCtx);
    }
    return token;
  }

  @Override
  public IDToken transformIDToken(
      IDToken token,
      ProtocolMapperModel model,
      KeycloakSession session,
      UserSessionModel userSession,
      ClientSessionContext clientSessionCtx) {
    if (OIDCAttributeMapperHelper.includeInIDToken(model)) {
      apply(token, TokenType.ID, false, model, session, userSession, clientSessionCtx);
    }
    return token;
  }

  @Override
  public AccessToken transformUserInfoToken(
      AccessToken token,
      ProtocolMapperModel model,
      KeycloakSession session,
      UserSessionModel userSession,
      ClientSessionContext clientSessionCtx) {
    if (OIDCAttributeMapperHelper.includeInUserInfo(model)) {
      apply(token, TokenType.USERINFO, false, model, session, userSession, clientSessionCtx);
    }
    return token;
  }

  @Override
  public AccessToken transformIntrospectionToken(
      AccessToken token,
      ProtocolMapperModel model,
      KeycloakSession session,
      UserSessionModel userSession,
      ClientSessionContext clientSessionCtx) {
    if (OIDCAttributeMapperHelper.includeInIntrospection(model)) {
      apply(token, TokenType.INTROSPECTION, false, model, session, userSession, clientSessionCtx);
    }
    return token;
  }

  private void apply(
      IDToken token,
      TokenType type,
      boolean lightweight,
      ProtocolMapperModel model,
      KeycloakSession session,
      UserSessionModel userSession,
      ClientSessionContext clientSessionCtx) {
    UserModel user = userSession == null ? null : userSession.getUser();
    if (user == null) {
      return;
    }
    RealmModel realm = session.getContext().getRealm();
    MapperRuntime runtime;
    try {
      runtime =
          runtimes.get(
              model.getId(),
              realm.getName(),
              model.getName(),
              model.getConfig(),
              () -> ExternalClaimsConfig.parse(model.getConfig()),
              guard(session));
    } catch (InvalidConfigException e) {
      // A realm import skips validateConfig; a broken mapper costs its claims, not the login.
      LOG.warnf(
          "External claims mapper '%s' of realm '%s' adds no claims: %s",
          model.getName(), realm.getName(), e.getMessage());
      return;
    }
    ExternalClaimsConfig config = runtime.config();
    // Built for every token, cached or not: the cache key is derived from it.
    ObjectNode body =
        CallContext.body(
            session, userSession, clientSessionCtx, type, lightweight, config.contextNamespaces());
    CacheKey key = CacheKey.of(runtime.identity(), type.cacheFamily(), body, CallContext.NOT_KEYED);
    // One call per token request: the access token, ID token and the rest share its outcome.
    String memo = MEMO + key.digest();
    Resolution resolution = session.getAttribute(memo, Resolution.class);
    if (resolution == null) {
      resolution =
          runtime.resolve(
              key, () -> CallContext.bytes(body), () -> secret(session, realm, runtime, model));
      session.setAttribute(memo, resolution);
    }
    if (resolution instanceof Resolution.Answered answered) {
      if (answered.answer() instanceof ApiAnswer.Deny deny) {
        throw TokenRefusal.denied(type, deny.description());
      }
      place(token, runtime, (ApiAnswer.Claims) answered.answer());
      return;
    }
    Resolution.Failed failed = (Resolution.Failed) resolution;
    switch (config.failurePolicy()) {
      case DENY:
        throw TokenRefusal.unavailable(type);
      case STALE:
        failed.stale().ifPresent(stale -> place(token, runtime, stale));
        break;
      default:
        break;
    }
  }

  private static void place(IDToken token, MapperRuntime runtime, ApiAnswer.Claims claims) {
    List<String> dropped = runtime.placement().apply(token.getOtherClaims(), claims.value());
    if (!dropped.isEmpty()) {
      runtime.droppedClaims(dropped);
    }
  }

  /**
   * The secret for a call: read from Keycloak's vault at each call for a vault reference (the vault
   * may change it), opened once per config when sealed, as it is when stored in clear before the
   * pack sealed secrets.
   */
  private static String secret(
      KeycloakSession session, RealmModel realm, MapperRuntime runtime, ProtocolMapperModel model)
      throws CallFailedException {
    Map<String, String> raw = model.getConfig();
    String configured = runtime.config().secret();
    return switch (MapperSecret.formOf(configured)) {
      case NONE -> null;
      case VAULT_REFERENCE -> {
        try (VaultStringSecret secret = session.vault().getStringSecret(configured)) {
          yield secret.get().orElse(null);
        }
      }
      case SEALED ->
          runtime.openedSecret(
              () -> {
                try {
                  return MapperSecret.open(
                      session.getProvider(UserDataProvider.class).secrets(realm),
                      realm.getId(),
                      raw);
                } catch (SealedSecretException e) {
                  throw new CallFailedException(
                      Outcome.TRANSPORT_ERROR,
                      "its sealed secret cannot be opened: "
                          + e.getMessage()
                          + "; enter the secret again");
                }
              });
      case PLAIN -> configured;
    };
  }

  private static io.kcuserdata.core.net.SsrfGuard guard(KeycloakSession session) {
    return session.getProvider(UserDataProvider.class).outboundGuard(OutboundUse.CLAIMS);
  }

  @Override
  public void close() {
    runtimes.close();
  }
}

package io.kcuserdata.core.spi;

import io.kcuserdata.core.net.OutboundAllowLists;
import io.kcuserdata.core.net.OutboundUse;
import io.kcuserdata.core.net.SsrfGuard;
import io.kcuserdata.core.schema.SchemaCompiler;
import io.kcuserdata.core.secrets.SealingKey;
import io.kcuserdata.core.service.UserDataService;
import io.kcuserdata.core.validation.Limits;
import io.kcuserdata.core.validation.NamespaceRules;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.provider.ServerInfoAwareProviderFactory;

/**
 * Reads the limits, the outbound allow-list and the key for the pack's secrets once at startup,
 * keeps the compiled JSON Schemas for every session, and removes a user's {@code org.<alias>} data
 * when the user leaves that organization.
 */
public final class DefaultUserDataProviderFactory
    implements UserDataProviderFactory, ServerInfoAwareProviderFactory {

  public static final String ID = "default";
  static final String MAX_DEPTH = "max-depth";
  static final String MAX_NAMESPACE_BYTES = "max-namespace-bytes";
  static final String OUTBOUND_ALLOW_LIST = OutboundUse.SHARED_OPTION;
  static final String SECRET_KEY = "secret-key";

  private static final Logger LOG = Logger.getLogger(DefaultUserDataProviderFactory.class);

  private UserDataService service;
  private Limits limits;
  private OutboundAllowLists allowLists;
  private final Map<OutboundUse, SsrfGuard> outboundGuards = new EnumMap<>(OutboundUse.class);
  private SealingKey operatorKey;

  private final SchemaCompiler compiler = new SchemaCompiler();

  @Override
  public UserDataProvider create(KeycloakSession session) {
    return new DefaultUserDataProvider(session, this);
  }

  UserDataService service() {
    return service;
  }

  SchemaCompiler compiler() {
    return compiler;
  }

  SsrfGuard outboundGuard(OutboundUse use) {
    return outboundGuards.get(use);
  }

  Optional<SealingKey> operatorKey() {
    return Optional.ofNullable(operatorKey);
  }

  @Override
  public void init(Config.Scope config) {
    limits =
        new Limits(
            config.getInt(MAX_DEPTH, Limits.DEFAULT_MAX_DEPTH),
            config.getInt(MAX_NAMESPACE_BYTES, Limits.DEFAULT_MAX_NAMESPACE_BYTES));
    if (!limits.equals(Limits.DEFAULTS)) {
      LOG.infof(
          "user-data limits: depth %d, %d bytes per namespace",
          limits.maxDepth(), limits.maxNamespaceBytes());
    }
    service = new UserDataService(new NamespaceRules(limits));
    // A typo here must stop the server: silently allowing nothing, or everything, is worse.
    allowLists = OutboundAllowLists.read(config::get);
    for (OutboundUse use : OutboundUse.values()) {
      outboundGuards.put(use, new SsrfGuard(allowLists.of(use)));
      if (!allowLists.of(use).isEmpty()) {
        LOG.infof("outbound calls for %s may reach: %s", use.option(), allowLists.of(use));
      }
    }
    String key = config.get(SECRET_KEY);
    if (key == null || key.isBlank()) {
      operatorKey = null;
      LOG.warn(
          "The pack seals the secrets it keeps in Keycloak's configuration (auth.secret of"
              + " external claims mappers) and keys its IdP sync fingerprints with each realm's own"
              + " AES key, which is stored in the same database. Set"
              + " --spi-userdata--default--secret-key to 32 random bytes in base64 (openssl rand"
              + " -base64 32), kept outside the database, to seal them under a key of yours.");
    } else {
      operatorKey = SealingKey.operator(key, "--spi-userdata--default--secret-key");
      LOG.infof(
          "the pack's secrets are sealed under the secret-key with key id %s", operatorKey.kid());
    }
  }

  @Override
  public void postInit(KeycloakSessionFactory factory) {
    factory.register(new OrganizationDataCleanup());
  }

  @Override
  public void close() {}

  @Override
  public String getId() {
    return ID;
  }

  /** Shown in the admin console's provider info, so operators can check the options took. */
  @Override
  public Map<String, String> getOperationalInfo() {
    Map<String, String> info = new LinkedHashMap<>();
    info.put(MAX_DEPTH, Integer.toString(limits.maxDepth()));
    info.put(MAX_NAMESPACE_BYTES, Integer.toString(limits.maxNamespaceBytes()));
    info.putAll(allowLists.describe());
    info.put(
        SECRET_KEY,
        operatorKey == null
            ? "(not set: each realm's own AES key)"
            : "(set: key id " + operatorKey.kid() + ")");
    return info;
  }

  @Override
  public List<ProviderConfigProperty> getConfigMetadata() {
    return ProviderConfigurationBuilder.create()
        .property()
        .name(MAX_DEPTH)
        .type("int")
        .helpText("Deepest nesting of objects and arrays in one namespace (1..64).")
        .defaultValue(Limits.DEFAULT_MAX_DEPTH)
        .add()
        .property()
        .name(MAX_NAMESPACE_BYTES)
        .type("int")
        .helpText("Largest size of one namespace of one user, as compact JSON in bytes.")
        .defaultValue(Limits.DEFAULT_MAX_NAMESPACE_BYTES)
        .add()
        .property()
        .name(OUTBOUND_ALLOW_LIST)
        .type("string")
        .helpText(
            "Hosts (api.internal.example, *.internal.example) and networks (10.20.0.0/16,"
                + " fd12::/48) that claims APIs and webhooks may reach although they are private,"
                + " loopback or link-local. Comma-separated; empty: none. The default of"
                + " webhooks-outbound-allow-list and claims-outbound-allow-list.")
        .add()
        .property()
        .name(OutboundUse.WEBHOOKS.option())
        .type("string")
        .helpText(
            "Replaces outbound-allow-list for webhooks: the internal hosts and networks webhook"
                + " endpoints may reach; none: no exception. Unset: outbound-allow-list.")
        .add()
        .property()
        .name(OutboundUse.CLAIMS.option())
        .type("string")
        .helpText(
            "Replaces outbound-allow-list for the claims mapper: the internal hosts and networks"
                + " its API and token endpoint may be on; none: no exception. Unset:"
                + " outbound-allow-list.")
        .add()
        .property()
        .name(SECRET_KEY)
        .type("string")
        .secret(true)
        .helpText(
            "32 random bytes in base64 (openssl rand -base64 32) sealing the pack's secrets at"
                + " rest with AES-256-GCM (auth.secret of external claims mappers; webhook"
                + " secrets) and keying its IdP sync fingerprints (HMAC-SHA256). Empty: each"
                + " realm's own AES key, kept in the same database. Keep it: values sealed under"
                + " it cannot be opened without it.")
        .add()
        .build();
  }
}

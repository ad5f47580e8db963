package io.kcuserdata.admin.selfservice;

import io.kcuserdata.admin.delegation.DelegatedAdminClient;
import io.kcuserdata.admin.delegation.DelegatedAdminClients;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.provider.ServerInfoAwareProviderFactory;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

/**
 * Serves {@code /realms/{realm}/user-data/…}. Keycloak authenticates nothing here: each resource
 * checks its caller's bearer token itself. Option {@value DelegatedAdminClients#OPTION} names the
 * clients, besides the delegated-admin page's, whose tokens reach the delegated-admin API.
 */
public final class SelfServiceRootFactory
    implements RealmResourceProviderFactory, ServerInfoAwareProviderFactory {

  public static final String ID = "user-data";

  private static final Logger LOG = Logger.getLogger(SelfServiceRootFactory.class);

  private DelegatedAdminClients delegatedAdminClients = DelegatedAdminClients.parse(null);

  @Override
  public RealmResourceProvider create(KeycloakSession session) {
    DelegatedAdminClients clients = delegatedAdminClients;
    return new RealmResourceProvider() {
      @Override
      public Object getResource() {
        return new SelfServiceRoot(session, clients);
      }

      @Override
      public void close() {}
    };
  }

  @Override
  public void init(Config.Scope config) {
    String listed = config.get(DelegatedAdminClients.OPTION);
    delegatedAdminClients = DelegatedAdminClients.parse(listed);
    if (listed != null && !listed.isBlank()) {
      LOG.infof("the delegated-admin API takes tokens of clients %s", delegatedAdminClients);
    }
  }

  @Override
  public void postInit(KeycloakSessionFactory factory) {}

  @Override
  public void close() {}

  @Override
  public String getId() {
    return ID;
  }

  /** Shown in the admin console's provider info, so operators can check the option took. */
  @Override
  public Map<String, String> getOperationalInfo() {
    return Map.of(DelegatedAdminClients.OPTION, delegatedAdminClients.toString());
  }

  @Override
  public List<ProviderConfigProperty> getConfigMetadata() {
    return ProviderConfigurationBuilder.create()
        .property()
        .name(DelegatedAdminClients.OPTION)
        .type("string")
        .helpText(
            "Client ids, comma-separated, whose access tokens may call the delegated-admin API"
                + " (/realms/{realm}/user-data/organizations…) besides the page's own client "
                + DelegatedAdminClient.CLIENT_ID
                + ". Tokens of any other client are refused. Empty: the page's client only.")
        .add()
        .build();
  }
}

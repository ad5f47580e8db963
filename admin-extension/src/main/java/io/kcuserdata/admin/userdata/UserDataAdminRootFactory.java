package io.kcuserdata.admin.userdata;

import io.kcuserdata.admin.migration.ImportOptions;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ServerInfoAwareProviderFactory;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProvider;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProviderFactory;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/** Serves {@code /admin/realms/{realm}/user-data/…}, callers already authenticated as admins. */
public final class UserDataAdminRootFactory
    implements AdminRealmResourceProviderFactory,
        AdminRealmResourceProvider,
        ServerInfoAwareProviderFactory {

  public static final String ID = "user-data";

  private static final Logger LOG = Logger.getLogger(UserDataAdminRootFactory.class);

  private ImportOptions importOptions = ImportOptions.DEFAULTS;

  @Override
  public Object getResource(
      KeycloakSession session,
      RealmModel realm,
      AdminPermissionEvaluator auth,
      AdminEventBuilder adminEvent) {
    return new UserDataAdminRoot(session, realm, auth, adminEvent, importOptions);
  }

  @Override
  public AdminRealmResourceProvider create(KeycloakSession session) {
    return this;
  }

  @Override
  public void init(Config.Scope config) {
    importOptions = ImportOptions.read(config);
    if (!importOptions.equals(ImportOptions.DEFAULTS)) {
      LOG.infof("user import options: %s", importOptions.operationalInfo());
    }
  }

  /** Shown in the admin console's provider info, so operators can check the options took. */
  @Override
  public Map<String, String> getOperationalInfo() {
    return importOptions.operationalInfo();
  }

  @Override
  public List<ProviderConfigProperty> getConfigMetadata() {
    return ImportOptions.configMetadata();
  }

  @Override
  public void postInit(KeycloakSessionFactory factory) {}

  @Override
  public void close() {}

  @Override
  public String getId() {
    return ID;
  }
}

package io.kcuserdata.events.status;

import io.kcuserdata.events.options.WholeNumberOption;
import io.kcuserdata.events.status.fold.LoginFolder;
import java.util.List;
import java.util.Map;
import org.keycloak.Config;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventListenerProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.provider.ServerInfoAwareProviderFactory;

/** Registers {@code userdata-account-status}; realm admins enable it in the realm's events. */
public final class AccountStatusListenerFactory
    implements EventListenerProviderFactory, ServerInfoAwareProviderFactory {

  public static final String ID = "userdata-account-status";

  /** Rows left by a node that stopped are counted within this long even with no new login. */
  private static final long POLL_MILLIS = 5_000;

  static final String FOLD_WINDOW_MS = "fold-window-ms";

  private long windowMillis;
  private LoginFolder folder;

  @Override
  public EventListenerProvider create(KeycloakSession session) {
    return new AccountStatusListener(session, folder);
  }

  /**
   * Logins of the window after a commit woke the folder are counted in one transaction, and a
   * user's several logins with one write of the user.
   */
  @Override
  public void init(Config.Scope config) {
    windowMillis = WholeNumberOption.read(config, ID, FOLD_WINDOW_MS, 1000, 0, 60_000);
  }

  @Override
  public List<ProviderConfigProperty> getConfigMetadata() {
    return ProviderConfigurationBuilder.create()
        .property()
        .name(FOLD_WINDOW_MS)
        .type("int")
        .defaultValue(1000)
        .helpText(
            "How long logins gather before they are counted into status: longer means fewer"
                + " writes of the user, later values.")
        .add()
        .build();
  }

  @Override
  public Map<String, String> getOperationalInfo() {
    return Map.of(FOLD_WINDOW_MS, Long.toString(windowMillis));
  }

  @Override
  public void postInit(KeycloakSessionFactory factory) {
    folder = new LoginFolder(factory, POLL_MILLIS, windowMillis);
    folder.start();
  }

  @Override
  public void close() {
    if (folder != null) {
      folder.close();
    }
  }

  @Override
  public String getId() {
    return ID;
  }
}

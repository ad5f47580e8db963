package io.kcuserdata.admin.selfservice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.keycloak.Config;
import org.keycloak.provider.ProviderConfigProperty;

class SelfServiceRootFactoryTest {

  private static SelfServiceRootFactory initialized(Map<String, String> options) {
    SelfServiceRootFactory factory = new SelfServiceRootFactory();
    factory.init(new OptionsScope(options));
    return factory;
  }

  @Test
  void showsTheClientsTheDelegatedAdminApiTakesTokensOf() {
    assertThat(initialized(Map.of()).getOperationalInfo())
        .containsExactly(Map.entry("delegated-admin-clients", "userdata-delegated-admin"));
    assertThat(initialized(Map.of("delegated-admin-clients", "portal,crm")).getOperationalInfo())
        .containsEntry("delegated-admin-clients", "userdata-delegated-admin,crm,portal");
  }

  @Test
  void aBadListStopsTheServer() {
    assertThatThrownBy(() -> initialized(Map.of("delegated-admin-clients", "*")))
        .hasMessageContaining("no wildcard");
  }

  @Test
  void describesItsOptionForTheServerInfoPage() {
    assertThat(new SelfServiceRootFactory().getConfigMetadata())
        .extracting(ProviderConfigProperty::getName)
        .containsExactly("delegated-admin-clients");
  }

  /** One provider's options as Keycloak hands them over; its {@code AbstractScope} converts. */
  private static final class OptionsScope extends Config.AbstractScope {

    private final Map<String, String> options;

    OptionsScope(Map<String, String> options) {
      this.options = options;
    }

    @Override
    public String get(String key) {
      return options.get(key);
    }

    @Override
    public Config.Scope scope(String... scope) {
      return this;
    }

    @Override
    public Set<String> getPropertyNames() {
      return options.keySet();
    }

    @Override
    public Config.Scope root() {
      return this;
    }
  }
}

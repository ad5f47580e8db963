package io.kcuserdata.admin.userdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kcuserdata.admin.testing.MapScope;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.keycloak.provider.ProviderConfigProperty;

class UserDataAdminRootFactoryTest {

  private final UserDataAdminRootFactory factory = new UserDataAdminRootFactory();

  @Test
  void showsTheImportOptionsItReadInTheProviderInfo() {
    factory.init(new MapScope(Map.of("max-argon2-memory", "65536", "max-import-lines", "2000")));

    assertThat(factory.getOperationalInfo())
        .containsEntry("max-argon2-memory", "65536")
        .containsEntry("max-import-lines", "2000")
        .containsEntry("max-bcrypt-cost", "13");
    assertThat(factory.getConfigMetadata())
        .extracting(ProviderConfigProperty::getName)
        .contains("max-argon2-memory", "max-import-lines", "max-bcrypt-cost");
  }

  @Test
  void stopsTheServerOnABadOptionNamingIt() {
    assertThatThrownBy(() -> factory.init(new MapScope(Map.of("max-argon2-work", "much"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("max-argon2-work");
  }
}

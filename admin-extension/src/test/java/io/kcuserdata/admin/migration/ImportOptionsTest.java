package io.kcuserdata.admin.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kcuserdata.admin.testing.MapScope;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.keycloak.provider.ProviderConfigProperty;

class ImportOptionsTest {

  @Test
  void capAnImportAtOneHundredThousandLinesByDefault() {
    ImportOptions options = ImportOptions.read(new MapScope(Map.of()));

    assertThat(options).isEqualTo(ImportOptions.DEFAULTS);
    assertThat(options.maxLines()).isEqualTo(100_000);
  }

  @Test
  void takeTheLineCapFromItsOption() {
    assertThat(ImportOptions.read(new MapScope(Map.of("max-import-lines", "1"))).maxLines())
        .isEqualTo(1);
  }

  @Test
  void refuseALineCapOutOfRange() {
    assertThatThrownBy(() -> ImportOptions.read(new MapScope(Map.of("max-import-lines", "0"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "admin-realm-restapi-extension/user-data: max-import-lines must be from 1 to"
                + " 10000000, not '0'");
  }

  @Test
  void showEveryOptionInOperationalInfoAndConfigMetadata() {
    ImportOptions options =
        ImportOptions.read(
            new MapScope(Map.of("max-bcrypt-cost", "12", "max-import-lines", "5000")));

    assertThat(options.operationalInfo())
        .containsEntry("max-bcrypt-cost", "12")
        .containsEntry("max-import-lines", "5000")
        .containsKeys(
            "max-argon2-memory",
            "max-argon2-work",
            "max-argon2-parallelism",
            "max-pbkdf2-iterations");
    assertThat(ImportOptions.configMetadata())
        .extracting(ProviderConfigProperty::getName)
        .containsExactlyInAnyOrderElementsOf(options.operationalInfo().keySet());
  }
}

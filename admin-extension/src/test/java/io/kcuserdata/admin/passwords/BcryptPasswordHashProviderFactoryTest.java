package io.kcuserdata.admin.passwords;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.keycloak.credential.hash.PasswordHashProvider;

class BcryptPasswordHashProviderFactoryTest {

  private final BcryptPasswordHashProviderFactory factory = new BcryptPasswordHashProviderFactory();

  @Test
  void isPublishedUnderTheAlgorithmNameStoredInCredentials() {
    assertThat(factory.getId()).isEqualTo("bcrypt").isEqualTo(BcryptPasswordHashProviderFactory.ID);
  }

  @Test
  void createsABcryptProvider() {
    assertThat(factory.create(null)).isInstanceOf(BcryptPasswordHashProvider.class);
  }

  @Nested
  class TheCostCeiling {

    // Keycloak's default configuration reads keycloak.<spi>.<provider>.<option> properties.
    private static final String OPTION =
        "keycloak.admin-realm-restapi-extension.user-data.max-bcrypt-cost";

    @AfterEach
    void clearTheOption() {
      System.clearProperty(OPTION);
    }

    @Test
    void isTheImportsOptionOfTheAdminRootProviderSoBothAgree() {
      System.setProperty(OPTION, "5");
      factory.init(null);

      PasswordHashProvider provider = factory.create(null);

      assertThat(factory.getOperationalInfo().get("max-bcrypt-cost")).startsWith("5 ");
      String cost5 = OpenBSDBCrypt.generate("2b", "pw".getBytes(), new byte[16], 5);
      String cost6 = OpenBSDBCrypt.generate("2b", "pw".getBytes(), new byte[16], 6);
      assertThat(provider.verify("pw", BcryptPasswordHashProvider.credentialOf(cost5, 5))).isTrue();
      assertThat(provider.verify("pw", BcryptPasswordHashProvider.credentialOf(cost6, 6)))
          .isFalse();
    }

    @Test
    void is13ByDefault() {
      factory.init(null);

      assertThat(factory.getOperationalInfo().get("max-bcrypt-cost")).startsWith("13 ");
    }

    @Test
    void stopsTheServerWhenOutOfRange() {
      System.setProperty(OPTION, "32");

      assertThatThrownBy(() -> factory.init(null))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("max-bcrypt-cost must be from 4 to 31");
    }
  }

  @Test
  void ranksBelowKeycloaksBuiltInAlgorithmsSoItIsNeverTheDefault() {
    // pbkdf2-sha512 ranks 200 and argon2 300; the highest order becomes the default.
    assertThat(factory.order()).isLessThan(200);
  }

  @Test
  void isRegisteredAsAPasswordHashProviderFactory() throws IOException {
    try (InputStream in =
        getClass()
            .getResourceAsStream(
                "/META-INF/services/org.keycloak.credential.hash.PasswordHashProviderFactory")) {
      assertThat(in).isNotNull();
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines())
          .contains(BcryptPasswordHashProviderFactory.class.getName());
    }
  }
}

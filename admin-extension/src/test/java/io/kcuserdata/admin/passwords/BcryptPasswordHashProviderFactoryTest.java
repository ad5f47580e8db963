package io.kcuserdata.admin.passwords;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

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

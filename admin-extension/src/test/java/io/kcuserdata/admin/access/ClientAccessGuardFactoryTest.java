package io.kcuserdata.admin.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;
import org.keycloak.services.managers.DefaultBruteForceProtector;

class ClientAccessGuardFactoryTest {

  private final ClientAccessGuardFactory factory = new ClientAccessGuardFactory();

  @Nested
  class TheProvider {

    @Test
    void isPublishedUnderTheContractId() {
      assertThat(factory.getId()).isEqualTo("userdata-client-access-guard");
      assertThat(factory.getDisplayType()).isEqualTo("User data: client access guard");
    }

    @Test
    void isRegisteredAsAnAuthenticatorFactory() throws IOException {
      try (InputStream in =
          getClass()
              .getResourceAsStream(
                  "/META-INF/services/org.keycloak.authentication.AuthenticatorFactory")) {
        assertThat(in).isNotNull();
        assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines())
            .contains(ClientAccessGuardFactory.class.getName());
      }
    }

    @Test
    void canOnlyBeRequiredOrDisabledAndHasNothingToConfigure() {
      assertThat(factory.getRequirementChoices())
          .containsExactly(Requirement.REQUIRED, Requirement.DISABLED);
      assertThat(factory.isConfigurable()).isFalse();
      assertThat(factory.getConfigProperties()).isEmpty();
      assertThat(factory.isUserSetupAllowed()).isFalse();
    }

    @Test
    void tellsAdminsWhereToPlaceIt() {
      assertThat(factory.getHelpText()).contains("Username Password Form").contains("Password");
    }
  }

  @Nested
  class ARefusal {

    @Test
    void isNotCountedTowardsBruteForceLockout() {
      assertThat(factory.getReferenceCategory()).isNotNull();
      assertThat(DefaultBruteForceProtector.ALLOWED_AUTHENTICATION_CATEGORIES)
          .doesNotContain(factory.getReferenceCategory());
    }

    @Test
    void needsAnIdentifiedUser() {
      assertThat(factory.create(null).requiresUser()).isTrue();
    }
  }
}

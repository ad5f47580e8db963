package io.kcuserdata.it.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.FederatedIdentityRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/** The harness itself: what later tests rely on works against the real server. */
@KeycloakIT
class HarnessIT {

  @Nested
  class TheServer {

    @Test
    void runsTheConfiguredKeycloakVersionWithThePackLoaded(Keycloak admin) {
      var info = admin.serverInfo().getInfo();

      String expected = System.getProperty("kc.version", "");
      if (!expected.isBlank() && KeycloakExtension.configuredUrl() == null) {
        assertThat(info.getSystemInfo().getVersion()).isEqualTo(expected);
      }
      assertThat(info.getProviders().get("eventsListener").getProviders())
          .containsKey("userdata-account-status");
    }
  }

  @Nested
  class SpiOptions {

    @Test
    void reachTheUserDataProviderAndShowInServerInfo(Keycloak admin) {
      assumeTrue(
          KeycloakExtension.configuredUrl() == null,
          "only the server this harness starts is given the option");

      var provider =
          admin.serverInfo().getInfo().getProviders().get("userdata").getProviders().get("default");

      assertThat(provider.getOperationalInfo())
          .containsEntry("max-namespace-bytes", "16385")
          .containsEntry("max-depth", "8");
    }
  }

  @Nested
  class EachTest {

    @Test
    void getsRealmsOfItsOwnWithTheTestApp(Realms realms) {
      TestRealm one = realms.create();
      TestRealm two = realms.create();

      assertThat(one.name()).isNotEqualTo(two.name());
      assertThat(one.admin().clients().findByClientId(TestRealm.APP_CLIENT_ID)).hasSize(1);
    }
  }

  @Nested
  class Logins {

    @Test
    void throughTheBrowserEndAtTheAppWithACodeThatRedeems(Realms realms, Browser browser) {
      TestRealm realm = realms.create();
      realm.createUser("carol", "s3cret-pass");

      LoginOutcome outcome = browser.login(realm, "carol", "s3cret-pass");

      assertThat(outcome.signedIn()).as(outcome.pageText()).isTrue();
      assertThat(realm.tokens().exchangeCode(outcome.code()).accessToken()).isNotBlank();
    }

    @Test
    void throughTheDirectGrantAnswerTokens(Realms realms) {
      TestRealm realm = realms.create();
      realm.createUser("dave", "s3cret-pass");

      assertThat(realm.tokens().password("dave", "s3cret-pass").accessToken()).isNotBlank();
      assertThat(realm.tokens().password("dave", "nope").error()).isEqualTo("invalid_grant");
    }

    @Test
    void throughAnUpstreamRealmLinkTheBrokeredUser(Realms realms, Browser browser) {
      TestRealm consumer = realms.create();
      UpstreamIdp upstream = realms.upstreamOidc(consumer, "upstream");
      upstream.createUser("erin", "s3cret-pass");

      LoginOutcome outcome = browser.loginThroughIdp(consumer, "upstream", "erin", "s3cret-pass");

      assertThat(outcome.signedIn()).as(outcome.pageText()).isTrue();
      List<UserRepresentation> users = consumer.admin().users().searchByUsername("erin", true);
      assertThat(users).hasSize(1);
      List<FederatedIdentityRepresentation> links =
          consumer.admin().users().get(users.get(0).getId()).getFederatedIdentity();
      assertThat(links)
          .extracting(FederatedIdentityRepresentation::getIdentityProvider)
          .containsExactly("upstream");
    }
  }
}

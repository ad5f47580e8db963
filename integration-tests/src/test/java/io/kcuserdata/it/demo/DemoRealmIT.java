package io.kcuserdata.it.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.kcuserdata.it.harness.Browser;
import io.kcuserdata.it.harness.KeycloakIT;
import io.kcuserdata.it.harness.LoginOutcome;
import io.kcuserdata.it.harness.Realms;
import io.kcuserdata.it.harness.TestRealm;
import io.kcuserdata.it.harness.VerifiedTokens;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.UserRepresentation;

/** The realm that {@code ./demo.sh} imports does what the README promises. */
@KeycloakIT
class DemoRealmIT {

  private static final Path DEMO_REALM =
      Path.of(System.getProperty("demo.dir", "../demo"), "realm-demo.json");

  @Test
  void theDemoUserSigningInTwiceShowsLoginCountTwoInTheAdminApi(Realms realms, Browser browser) {
    TestRealm demo = realms.fromJson(DEMO_REALM);

    for (int i = 0; i < 2; i++) {
      LoginOutcome outcome = browser.login(demo, "demo", "demo");
      assertThat(outcome.signedIn()).as(outcome.pageText()).isTrue();
    }

    List<UserRepresentation> users = demo.admin().users().searchByUsername("demo", true);
    assertThat(users).hasSize(1);
    assertThat(users.get(0).getAttributes()).containsEntry("status.login_count", List.of("2"));
  }

  @Test
  void theDemoUsersTokenCarriesTheirCustomData(Realms realms) {
    TestRealm demo = realms.fromJson(DEMO_REALM);

    String token = demo.tokens().password("demo-app", "demo", "demo", "openid").accessToken();

    assertThat(new VerifiedTokens(demo).verify(token).getClaim("custom_data"))
        .isEqualTo(Map.of("plan", "pro"));
  }

  @Test
  void theDemoAppClientAllowsTheDirectGrantTheReadmeUses(Realms realms) {
    TestRealm demo = realms.fromJson(DEMO_REALM);

    assertThat(demo.admin().clients().findByClientId("demo-app"))
        .singleElement()
        .satisfies(client -> assertThat(client.isDirectAccessGrantsEnabled()).isTrue());
  }
}

package io.kcuserdata.it.suspension;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kcuserdata.it.harness.Browser;
import io.kcuserdata.it.harness.FlowInstaller;
import io.kcuserdata.it.harness.HttpApi;
import io.kcuserdata.it.harness.KeycloakIT;
import io.kcuserdata.it.harness.LoginOutcome;
import io.kcuserdata.it.harness.Realms;
import io.kcuserdata.it.harness.TestRealm;
import io.kcuserdata.it.harness.TokenEndpoint.TokenResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;

/**
 * {@code userdata-client-access-guard} in the documented browser and direct-grant flows: a user
 * blocked from one client cannot sign in to it, by password, by direct grant or by SSO cookie,
 * while other clients keep working.
 */
@KeycloakIT
class ClientAccessGuardIT {

  private static final Path FLOWS =
      Path.of(System.getProperty("repo.root", ".."), "docs/flows/client-access-guard.json");
  private static final String MESSAGE = "You cannot sign in to this application";

  private TestRealm realm;
  private HttpApi admin;
  private String blockedClients;

  @BeforeEach
  void aRealmWithTheGuardInItsFlows(Realms realms, HttpApi admin) throws Exception {
    this.realm = realms.create();
    this.admin = admin;
    FlowInstaller.install(
        realm, new ObjectMapper().readValue(FLOWS.toFile(), RealmRepresentation.class));
    RealmRepresentation bindings = new RealmRepresentation();
    bindings.setBrowserFlow("browser with client guard");
    bindings.setDirectGrantFlow("direct grant with client guard");
    realm.admin().update(bindings);
    ClientRepresentation other = new ClientRepresentation();
    other.setClientId("other-app");
    other.setPublicClient(true);
    other.setDirectAccessGrantsEnabled(true);
    other.setRedirectUris(List.of(realm.appRedirectUri().toString()));
    realm.admin().clients().create(other).close();
    String aliceId = realm.createUser("alice", "pw-alice-1");
    blockedClients =
        "/admin/realms/" + realm.name() + "/user-data/users/" + aliceId + "/blocked-clients";
  }

  private void block(String clientId) {
    assertThat(
            admin
                .send("PUT", blockedClients, "application/json", "[\"" + clientId + "\"]")
                .status())
        .isEqualTo(200);
  }

  @Nested
  class ABlockedClient {

    @Test
    void refusesTheDirectGrantWithAccessDenied() {
      block("test-app");

      TokenResponse refused = realm.tokens().password("alice", "pw-alice-1");

      assertThat(refused.status()).isEqualTo(400);
      assertThat(refused.error()).isEqualTo("access_denied");
      assertThat(refused.body().path("error_description").asText()).contains(MESSAGE);
      assertThat(realm.tokens().password("other-app", "alice", "pw-alice-1", "openid").ok())
          .isTrue();
    }

    @Test
    void refusesTheBrowserLoginWithAClearMessage(Browser browser) {
      block("test-app");

      LoginOutcome outcome = browser.login(realm, "alice", "pw-alice-1");

      assertThat(outcome.signedIn()).isFalse();
      assertThat(outcome.pageText()).contains(MESSAGE);
    }

    @Test
    void refusesAnSsoLoginFromASessionWithAnotherClient(Browser browser) {
      assertThat(browser.login(realm, "other-app", "openid", "alice", "pw-alice-1").signedIn())
          .isTrue();
      block("test-app");

      LoginOutcome outcome = browser.continueSession(realm, "test-app");

      assertThat(outcome.signedIn()).isFalse();
      assertThat(outcome.pageText()).contains(MESSAGE);
    }
  }

  @Test
  void anUnblockedUserSignsInAsUsual(Browser browser) {
    assertThat(browser.login(realm, "alice", "pw-alice-1").signedIn()).isTrue();
    assertThat(realm.tokens().password("alice", "pw-alice-1").ok()).isTrue();
  }
}

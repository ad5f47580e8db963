package io.kcuserdata.it.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.kcuserdata.it.harness.Browser;
import io.kcuserdata.it.harness.Eventually;
import io.kcuserdata.it.harness.HttpApi.Answer;
import io.kcuserdata.it.harness.KeycloakIT;
import io.kcuserdata.it.harness.KeycloakServer;
import io.kcuserdata.it.harness.LoginOutcome;
import io.kcuserdata.it.harness.Pkce;
import io.kcuserdata.it.harness.Realms;
import io.kcuserdata.it.harness.TestRealm;
import io.kcuserdata.it.harness.TestSmtpServer;
import io.kcuserdata.it.harness.VerifiedTokens;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * The app realm that {@code ./demo.sh} and the compose setup import does what the README promises.
 */
@KeycloakIT
class DemoRealmIT {

  private static final Path DEMO_REALM =
      Path.of(System.getProperty("demo.dir", "../demo"), "realms/acme.json");

  /**
   * The demo's acme realm with the placeholders Keycloak fills from the environment at a startup
   * import filled here (the admin API's import leaves them as they are).
   */
  static TestRealm acme(Realms realms, KeycloakServer server) {
    return acme(realms, server, 9);
  }

  /** The realm with its mail going to {@code smtpPort} on loopback, as the demo's mail catcher. */
  static TestRealm acme(Realms realms, KeycloakServer server, int smtpPort) {
    try {
      return realms.fromJsonText(
          Files.readString(DEMO_REALM)
              .replace("${DEMO_KC_URL}", server.baseUrl().toString().replaceAll("/$", ""))
              .replace("${DEMO_SERVICES_URL}", "http://127.0.0.2:9")
              .replace("${DEMO_SMTP_HOST}", "127.0.0.1")
              .replace("${DEMO_SMTP_PORT}", Integer.toString(smtpPort))
              .replace(
                  "${DEMO_CLAIMS_SECRET}",
                  "whsec_ZGVtby1jbGFpbXMtc2VjcmV0LW5vdC1mb3ItcHJvZHVjdGlvbg=="));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void theDemoUserSigningInTwiceShowsLoginCountTwoInTheAdminApi(
      Realms realms, KeycloakServer server, Browser browser) {
    TestRealm demo = acme(realms, server);

    for (int i = 0; i < 2; i++) {
      LoginOutcome outcome = browser.login(demo, "demo", "demo");
      assertThat(outcome.signedIn()).as(outcome.pageText()).isTrue();
    }

    List<UserRepresentation> users =
        Eventually.read(
            () -> demo.admin().users().searchByUsername("demo", true),
            found ->
                found.size() == 1
                    && List.of("2").equals(found.get(0).getAttributes().get("status.login_count")));
    assertThat(users).hasSize(1);
    assertThat(users.get(0).getAttributes()).containsEntry("status.login_count", List.of("2"));
  }

  @Test
  void theDemoUsersTokenCarriesTheirCustomData(Realms realms, KeycloakServer server) {
    TestRealm demo = acme(realms, server);

    String token = demo.tokens().password("demo-app", "demo", "demo", "openid").accessToken();

    assertThat(new VerifiedTokens(demo).verify(token).getClaim("custom_data"))
        .isEqualTo(Map.of("plan", "pro"));
  }

  @Test
  void theDelegatedAdminLeadSignsInThroughThePagesClientAndAdministersAcmeCorp(
      Realms realms, KeycloakServer server, Browser browser) {
    TestRealm demo = acme(realms, server);
    // The client redirects to the page of the realm named acme; this copy has a test's name, so
    // the browser lands on a page that does not exist here and only its address is read.
    URI page = URI.create(demo.baseUrl() + "/realms/acme/user-data/delegated-admin/");
    Pkce pkce = Pkce.create();

    String code =
        browser.authorizationCode(demo, "userdata-delegated-admin", page, pkce, "lead", "lead");
    String token =
        demo.tokens()
            .exchangeCode("userdata-delegated-admin", code, page, pkce.verifier())
            .accessToken();
    Answer organizations =
        demo.http(token).get("/realms/" + demo.name() + "/user-data/organizations");

    assertThat(organizations.status()).as(organizations.body()).isEqualTo(200);
    assertThat(organizations.json().get(0).path("alias").asText()).isEqualTo("acme-corp");
    assertThat(
            demo.http(demo.tokens().password("demo-app", "lead", "lead", "openid").accessToken())
                .get("/realms/" + demo.name() + "/user-data/organizations")
                .status())
        .as("a token of the demo app does not reach the delegated-admin API")
        .isEqualTo(403);
  }

  @Test
  void theRealmsMailGoesToTheMailCatcherFromTheDemosAddress(Realms realms, KeycloakServer server)
      throws Exception {
    try (TestSmtpServer smtp = TestSmtpServer.start()) {
      TestRealm demo = acme(realms, server, smtp.port());
      String id = demo.admin().users().searchByUsername("demo", true).get(0).getId();

      demo.admin().users().get(id).executeActionsEmail(List.of("VERIFY_EMAIL"));

      // Quoted-printable's soft line breaks undone, so the link reads whole.
      String mail = smtp.take(Duration.ofSeconds(30)).replace("=\n", "");
      assertThat(mail)
          .contains("no-reply@acme.example")
          .contains("demo@example.com")
          .contains("/login-actions/action-token");
    }
  }

  @Test
  void signingOutOfTheDemoAppMayReturnToTheApp(Realms realms, KeycloakServer server) {
    TestRealm demo = acme(realms, server);

    assertThat(demo.admin().clients().findByClientId("demo-app"))
        .singleElement()
        .satisfies(
            client ->
                assertThat(client.getAttributes())
                    .as("RP-initiated logout redirects back to the app's redirect URIs")
                    .containsEntry("post.logout.redirect.uris", "+"));
  }

  @Test
  void theDemoAppClientAllowsTheDirectGrantTheReadmeUses(Realms realms, KeycloakServer server) {
    TestRealm demo = acme(realms, server);

    assertThat(demo.admin().clients().findByClientId("demo-app"))
        .singleElement()
        .satisfies(client -> assertThat(client.isDirectAccessGrantsEnabled()).isTrue());
  }
}

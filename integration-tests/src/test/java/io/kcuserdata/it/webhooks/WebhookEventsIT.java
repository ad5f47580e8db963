package io.kcuserdata.it.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kcuserdata.it.harness.Browser;
import io.kcuserdata.it.harness.HttpApi;
import io.kcuserdata.it.harness.KeycloakIT;
import io.kcuserdata.it.harness.LoginOutcome;
import io.kcuserdata.it.harness.Realms;
import io.kcuserdata.it.harness.TestRealm;
import io.kcuserdata.it.harness.TokenEndpoint.TokenResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.FederatedIdentityRepresentation;
import org.keycloak.representations.idm.IdentityProviderRepresentation;

/** More event types, each from the real action a user or an admin takes. */
@KeycloakIT
class WebhookEventsIT {

  private static final Duration WAIT = Duration.ofSeconds(20);

  private WebhookEndpointFixture hooks;
  private TestRealm realm;

  @BeforeEach
  void realmWithAnEndpoint(Realms realms, HttpApi admin) {
    realm =
        realms.create(
            r -> {
              r.setOrganizationsEnabled(true);
              r.setRegistrationAllowed(true);
            });
    hooks = new WebhookEndpointFixture(realm, admin);
  }

  @AfterEach
  void stop() {
    hooks.close();
  }

  @Test
  void registrationCreatesAndRegistersThenTheBrowserLoginAndLogoutFollow(Browser browser)
      throws Exception {
    LoginOutcome registered =
        browser.submit(
            realm,
            browser.openRegistrationPage(realm),
            "kc-register-form",
            Map.of(
                "username", "nora",
                "email", "nora@example.test",
                "firstName", "Nora",
                "lastName", "Tester",
                "password", "pw-nora-1",
                "password-confirm", "pw-nora-1"));
    assertThat(registered.signedIn()).as(registered.pageText()).isTrue();
    TokenResponse tokens = realm.tokens().exchangeCode(registered.code());
    HttpApi.Answer logout =
        realm
            .http(null)
            .send(
                "POST",
                "/realms/" + realm.name() + "/protocol/openid-connect/logout",
                "application/x-www-form-urlencoded",
                "client_id=" + TestRealm.APP_CLIENT_ID + "&refresh_token=" + tokens.refreshToken());
    LoginOutcome login = browser.login(realm, "nora", "pw-nora-1");

    assertThat(logout.status()).as(logout.body()).isEqualTo(204);
    assertThat(login.signedIn()).isTrue();
    JsonNode created = hooks.receiver.awaitType("user.created", WAIT);
    JsonNode registeredEvent = hooks.receiver.awaitType("user.registered", WAIT);
    JsonNode loggedOut = hooks.receiver.awaitType("user.logout", WAIT);
    JsonNode loggedIn = hooks.receiver.awaitType("user.login", WAIT);
    for (JsonNode payload : new JsonNode[] {created, registeredEvent, loggedOut, loggedIn}) {
      hooks.assertSignedAndValid(payload);
      assertThat(payload.path("data").path("user").path("username").asText()).isEqualTo("nora");
    }
    assertThat(created.toString()).doesNotContain("pw-nora-1");
  }

  @Test
  void anAdminPasswordResetIsAPasswordChange() throws Exception {
    String id = realm.createUser("olga", "pw-olga-1");
    CredentialRepresentation password = new CredentialRepresentation();
    password.setType(CredentialRepresentation.PASSWORD);
    password.setValue("pw-olga-2");
    password.setTemporary(false);

    realm.admin().users().get(id).resetPassword(password);

    JsonNode changed = hooks.receiver.awaitType("user.password_changed", WAIT);
    hooks.assertSignedAndValid(changed);
    assertThat(changed.toString()).doesNotContain("pw-olga-2");
  }

  @Test
  void linkingAndUnlinkingAnIdentity() throws Exception {
    IdentityProviderRepresentation idp = new IdentityProviderRepresentation();
    idp.setAlias("partner");
    idp.setProviderId("oidc");
    idp.setConfig(
        Map.of(
            "authorizationUrl", "https://partner.example/auth",
            "tokenUrl", "https://partner.example/token",
            "clientId", "kc",
            "clientSecret", "secret"));
    realm.admin().identityProviders().create(idp).close();
    String id = realm.createUser("pete", "pw-pete-1");
    FederatedIdentityRepresentation link = new FederatedIdentityRepresentation();
    link.setIdentityProvider("partner");
    link.setUserId("partner-123");
    link.setUserName("pete@partner");

    realm.admin().users().get(id).addFederatedIdentity("partner", link).close();
    realm.admin().users().get(id).removeFederatedIdentity("partner");

    hooks.assertSignedAndValid(hooks.receiver.awaitType("user.identity_linked", WAIT));
    hooks.assertSignedAndValid(hooks.receiver.awaitType("user.identity_unlinked", WAIT));
  }

  @Test
  void organizationMembership() throws Exception {
    String id = realm.createUser("frank", "pw-frank-1");
    String org = realm.createOrganization("acme", id);

    JsonNode added = hooks.receiver.awaitType("organization.member_added", WAIT);
    realm.admin().organizations().get(org).members().member(id).delete().close();
    JsonNode removed = hooks.receiver.awaitType("organization.member_removed", WAIT);

    for (JsonNode payload : new JsonNode[] {added, removed}) {
      hooks.assertSignedAndValid(payload);
      assertThat(payload.path("data").path("user").path("id").asText()).isEqualTo(id);
      assertThat(payload.path("data").path("organization").path("alias").asText())
          .isEqualTo("acme");
    }
  }
}

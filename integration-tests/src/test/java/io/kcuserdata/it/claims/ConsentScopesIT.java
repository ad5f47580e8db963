package io.kcuserdata.it.claims;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import io.kcuserdata.it.harness.Browser;
import io.kcuserdata.it.harness.HttpApi;
import io.kcuserdata.it.harness.HttpApi.Answer;
import io.kcuserdata.it.harness.KeycloakIT;
import io.kcuserdata.it.harness.LoginOutcome;
import io.kcuserdata.it.harness.Realms;
import io.kcuserdata.it.harness.TestRealm;
import io.kcuserdata.it.harness.VerifiedTokens;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.ClientRepresentation;

/**
 * {@code POST /admin/realms/{realm}/user-data/client-scopes}: a third-party client receives
 * namespaced data only when it asks for the scope and the user consents.
 */
@KeycloakIT
class ConsentScopesIT {

  private TestRealm realm;
  private HttpApi admin;
  private String scopes;

  @BeforeEach
  void aUserWithCustomData(Realms realms, HttpApi admin) {
    this.realm = realms.create();
    this.admin = admin;
    this.scopes = "/admin/realms/" + realm.name() + "/user-data/client-scopes";
    String aliceId = realm.createUser("alice", "pw-alice-1");
    admin.send(
        "PATCH",
        "/admin/realms/" + realm.name() + "/user-data/users/" + aliceId,
        "application/merge-patch+json",
        "{\"custom_data\":{\"plan\":\"pro\"}}");
  }

  @Nested
  class Creating {

    @Test
    void answersTheNewScopeAndRefusesASecondOfTheSameName() {
      Answer created =
          admin.send("POST", scopes, "application/json", "{\"namespace\":\"custom_data\"}");
      Answer again =
          admin.send("POST", scopes, "application/json", "{\"namespace\":\"custom_data\"}");

      assertThat(created.status()).as(created.body()).isEqualTo(201);
      assertThat(created.json().path("name").asText()).isEqualTo("custom_data");
      assertThat(created.header("Location"))
          .endsWith("/client-scopes/" + created.json().path("id").asText());
      assertThat(again.status()).isEqualTo(409);
    }

    @Test
    void refusesNamespacesTheUserNeverSees() {
      for (String namespace : List.of("app_metadata", "status", "nonsense")) {
        Answer refused =
            admin.send("POST", scopes, "application/json", "{\"namespace\":\"" + namespace + "\"}");

        assertThat(refused.status()).as(namespace).isEqualTo(400);
        assertThat(refused.json().path("error").asText()).isEqualTo("invalid_request");
      }
      assertThat(realm.admin().clientScopes().findAll())
          .noneMatch(s -> s.getName().equals("app_metadata") || s.getName().equals("status"));
    }
  }

  @Nested
  class AThirdPartyClient {

    private String clientId = "third-party";

    @BeforeEach
    void withTheScopeAsOptional() {
      Answer created =
          admin.send(
              "POST",
              scopes,
              "application/json",
              "{\"namespace\":\"custom_data\",\"consentText\":\"Your subscription plan\"}");
      ClientRepresentation client = new ClientRepresentation();
      client.setClientId(clientId);
      client.setPublicClient(true);
      client.setConsentRequired(true);
      client.setRedirectUris(List.of(realm.appRedirectUri().toString()));
      realm.admin().clients().create(client).close();
      String id = realm.admin().clients().findByClientId(clientId).get(0).getId();
      realm.admin().clients().get(id).addOptionalClientScope(created.json().path("id").asText());
    }

    @Test
    void getsTheDataAfterTheUserConsentsToTheScope(Browser browser) {
      LoginOutcome consent =
          browser.login(realm, clientId, "openid custom_data", "alice", "pw-alice-1");
      assertThat(consent.pageText()).contains("Your subscription plan");

      LoginOutcome granted = browser.acceptConsent(realm, consent);

      assertThat(granted.signedIn()).as(granted.pageText()).isTrue();
      JWTClaimsSet access = tokenFor(granted.code());
      assertThat(access.getClaim("custom_data")).isEqualTo(Map.of("plan", "pro"));
    }

    @Test
    void getsNothingWithoutAskingForTheScope(Browser browser) {
      LoginOutcome consent = browser.login(realm, clientId, "openid", "alice", "pw-alice-1");
      assertThat(consent.pageText()).doesNotContain("Your subscription plan");

      LoginOutcome granted = browser.acceptConsent(realm, consent);

      assertThat(tokenFor(granted.code()).getClaim("custom_data")).isNull();
    }

    private JWTClaimsSet tokenFor(String code) {
      String token = realm.tokens().exchangeCode(clientId, code).accessToken();
      return new VerifiedTokens(realm).verify(token);
    }
  }
}

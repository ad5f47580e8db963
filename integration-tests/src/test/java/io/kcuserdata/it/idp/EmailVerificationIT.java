package io.kcuserdata.it.idp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kcuserdata.it.harness.Browser;
import io.kcuserdata.it.harness.FlowInstaller;
import io.kcuserdata.it.harness.KeycloakIT;
import io.kcuserdata.it.harness.LoginOutcome;
import io.kcuserdata.it.harness.Realms;
import io.kcuserdata.it.harness.TestRealm;
import io.kcuserdata.it.harness.UpstreamIdp;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.resource.ClientResource;
import org.keycloak.representations.idm.ClientScopeRepresentation;
import org.keycloak.representations.idm.IdentityProviderMapperRepresentation;
import org.keycloak.representations.idm.IdentityProviderRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * {@code userdata-email-verification-idp-mapper} and the documented first-broker-login flow with
 * {@code userdata-brokered-email-verified}, with real brokered logins.
 */
@KeycloakIT
class EmailVerificationIT {

  private static final Path FLOW =
      Path.of(
          System.getProperty("repo.root", ".."),
          "docs/flows/first-broker-login-verified-only.json");

  /** The consumer realm with the documented flow, brokering to an upstream realm. */
  private static UpstreamIdp broker(Realms realms, boolean withFlow, Map<String, String> policy)
      throws Exception {
    TestRealm consumer = withFlow ? withDocumentedFlow(realms) : realms.create();
    UpstreamIdp upstream = realms.upstreamOidc(consumer, "upstream");
    IdentityProviderRepresentation idp =
        consumer.admin().identityProviders().get("upstream").toRepresentation();
    if (withFlow) {
      idp.setFirstBrokerLoginFlowAlias("userdata first broker login");
    }
    idp.getConfig().put("syncMode", policy.getOrDefault("syncMode", "IMPORT"));
    idp.setTrustEmail(Boolean.parseBoolean(policy.getOrDefault("trustEmail", "false")));
    consumer.admin().identityProviders().get("upstream").update(idp);
    IdentityProviderMapperRepresentation mapper = new IdentityProviderMapperRepresentation();
    mapper.setName("verified email");
    mapper.setIdentityProviderAlias("upstream");
    mapper.setIdentityProviderMapper("userdata-email-verification-idp-mapper");
    mapper.setConfig(
        Map.of(
            "policy", policy.getOrDefault("policy", "claim"),
            "require.verify.action", policy.getOrDefault("require.verify.action", "false"),
            "syncMode", "INHERIT"));
    consumer.admin().identityProviders().get("upstream").addMapper(mapper).close();
    return upstream;
  }

  /** A realm with the documented flow, built through the admin API. */
  private static TestRealm withDocumentedFlow(Realms realms) throws Exception {
    TestRealm realm = realms.create();
    FlowInstaller.install(
        realm, new ObjectMapper().readValue(FLOW.toFile(), RealmRepresentation.class));
    return realm;
  }

  private static String upstreamUser(
      UpstreamIdp upstream, String username, String email, boolean verified) {
    UserRepresentation user = new UserRepresentation();
    user.setUsername(username);
    user.setEmail(email);
    user.setEmailVerified(verified);
    user.setFirstName("Up");
    user.setLastName("Stream");
    return upstream.realm().createUser(user, "pw-" + username);
  }

  private static UserRepresentation consumerUser(UpstreamIdp upstream, String username) {
    List<UserRepresentation> users =
        upstream.consumer().admin().users().searchByUsername(username, true);
    assertThat(users).hasSize(1);
    return users.get(0);
  }

  @Nested
  class Policies {

    @Test
    void claimTrustsTheProvidersTrueAndNothingElse(Realms realms, Browser browser)
        throws Exception {
      UpstreamIdp upstream = broker(realms, false, Map.of("policy", "claim", "trustEmail", "true"));
      upstreamUser(upstream, "yesman", "yes@example.test", true);
      upstreamUser(upstream, "noman", "no@example.test", false);

      assertThat(
              browser
                  .loginThroughIdp(upstream.consumer(), "upstream", "yesman", "pw-yesman")
                  .signedIn())
          .isTrue();
      assertThat(
              browser
                  .loginThroughIdp(upstream.consumer(), "upstream", "noman", "pw-noman")
                  .signedIn())
          .isTrue();

      assertThat(consumerUser(upstream, "yesman").isEmailVerified()).isTrue();
      assertThat(consumerUser(upstream, "noman").isEmailVerified()).isFalse();
    }

    @Test
    void claimCountsAMissingClaimAsUnverifiedEvenWithTrustEmail(Realms realms, Browser browser)
        throws Exception {
      UpstreamIdp upstream = broker(realms, false, Map.of("policy", "claim", "trustEmail", "true"));
      withoutEmailVerifiedClaim(upstream);
      upstreamUser(upstream, "quiet", "quiet@example.test", true);

      assertThat(
              browser
                  .loginThroughIdp(upstream.consumer(), "upstream", "quiet", "pw-quiet")
                  .signedIn())
          .isTrue();

      assertThat(consumerUser(upstream, "quiet").isEmailVerified()).isFalse();
    }

    @Test
    void alwaysAndNeverIgnoreTheClaim(Realms realms, Browser browser) throws Exception {
      UpstreamIdp always = broker(realms, false, Map.of("policy", "always"));
      upstreamUser(always, "trusted", "trusted@example.test", false);
      UpstreamIdp never = broker(realms, false, Map.of("policy", "never", "trustEmail", "true"));
      upstreamUser(never, "distrusted", "distrusted@example.test", true);

      browser.loginThroughIdp(always.consumer(), "upstream", "trusted", "pw-trusted");
      browser.loginThroughIdp(never.consumer(), "upstream", "distrusted", "pw-distrusted");

      assertThat(consumerUser(always, "trusted").isEmailVerified()).isTrue();
      assertThat(consumerUser(never, "distrusted").isEmailVerified()).isFalse();
    }

    @Test
    void requireVerifyActionMakesAnUnverifiedUserVerify(Realms realms, Browser browser)
        throws Exception {
      UpstreamIdp upstream =
          broker(realms, false, Map.of("policy", "claim", "require.verify.action", "true"));
      upstreamUser(upstream, "newbie", "newbie@example.test", false);

      browser.loginThroughIdp(upstream.consumer(), "upstream", "newbie", "pw-newbie");

      UserRepresentation user = consumerUser(upstream, "newbie");
      assertThat(user.isEmailVerified()).isFalse();
      assertThat(user.getRequiredActions()).contains("VERIFY_EMAIL");
    }

    @Test
    void aNewAddressUnderForceIsUnverifiedUnlessTheProviderVouches(Realms realms, Browser browser)
        throws Exception {
      UpstreamIdp upstream = broker(realms, false, Map.of("policy", "claim", "syncMode", "FORCE"));
      String id = upstreamUser(upstream, "mover", "old@example.test", true);
      browser.loginThroughIdp(upstream.consumer(), "upstream", "mover", "pw-mover");
      assertThat(consumerUser(upstream, "mover").isEmailVerified()).isTrue();
      UserRepresentation moved = upstream.realm().admin().users().get(id).toRepresentation();
      moved.setEmail("new@example.test");
      moved.setEmailVerified(false);
      upstream.realm().admin().users().get(id).update(moved);

      browser.loginThroughIdp(upstream.consumer(), "upstream", "mover", "pw-mover");

      UserRepresentation user = consumerUser(upstream, "mover");
      assertThat(user.getEmail()).isEqualTo("new@example.test");
      assertThat(user.isEmailVerified()).isFalse();
    }
  }

  @Nested
  class TheDocumentedFirstBrokerLoginFlow {

    @Test
    void neverLinksOrVerifiesAnUnverifiedClaimToALocalUsersEmail(Realms realms, Browser browser)
        throws Exception {
      UpstreamIdp upstream = broker(realms, true, Map.of("policy", "claim"));
      String victimId = upstream.consumer().createUser("victim", "pw-victim-1");
      upstreamUser(upstream, "mallory", "victim@example.test", false);

      LoginOutcome outcome =
          browser.loginThroughIdp(upstream.consumer(), "upstream", "mallory", "pw-mallory");

      assertThat(outcome.signedIn()).isFalse();
      assertThat(upstream.consumer().admin().users().get(victimId).getFederatedIdentity())
          .isEmpty();
      assertThat(
              upstream
                  .consumer()
                  .admin()
                  .users()
                  .get(victimId)
                  .toRepresentation()
                  .isEmailVerified())
          .isTrue();
      assertThat(upstream.consumer().admin().users().searchByUsername("mallory", true)).isEmpty();
    }

    @Test
    void linksAVerifiedClaimToTheLocalUserWithThatVerifiedEmail(Realms realms, Browser browser)
        throws Exception {
      UpstreamIdp upstream = broker(realms, true, Map.of("policy", "claim"));
      String localId = upstream.consumer().createUser("victim", "pw-victim-1");
      upstreamUser(upstream, "vic", "victim@example.test", true);

      LoginOutcome outcome =
          browser.loginThroughIdp(upstream.consumer(), "upstream", "vic", "pw-vic");

      assertThat(outcome.signedIn()).as(outcome.pageText()).isTrue();
      assertThat(upstream.consumer().admin().users().get(localId).getFederatedIdentity())
          .extracting(f -> f.getIdentityProvider())
          .containsExactly("upstream");
    }
  }

  /** The upstream client's tokens carry the email but no email_verified claim. */
  private static void withoutEmailVerifiedClaim(UpstreamIdp upstream) {
    ClientResource client =
        upstream
            .realm()
            .admin()
            .clients()
            .get(
                upstream
                    .realm()
                    .admin()
                    .clients()
                    .findByClientId("broker-upstream")
                    .get(0)
                    .getId());
    ClientScopeRepresentation email =
        upstream.realm().admin().clientScopes().findAll().stream()
            .filter(s -> s.getName().equals("email"))
            .findFirst()
            .orElseThrow();
    client.removeDefaultClientScope(email.getId());
    ProtocolMapperRepresentation mapper = new ProtocolMapperRepresentation();
    mapper.setName("email only");
    mapper.setProtocol("openid-connect");
    mapper.setProtocolMapper("oidc-usermodel-property-mapper");
    mapper.setConfig(
        Map.of(
            "user.attribute", "email",
            "claim.name", "email",
            "jsonType.label", "String",
            "id.token.claim", "true",
            "access.token.claim", "true",
            "userinfo.token.claim", "true"));
    client.getProtocolMappers().createMapper(mapper).close();
    var idp = upstream.consumer().admin().identityProviders().get("upstream");
    IdentityProviderRepresentation rep = idp.toRepresentation();
    rep.getConfig().put("defaultScope", "openid profile");
    idp.update(rep);
  }
}

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
import jakarta.ws.rs.core.Response;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.resource.ClientResource;
import org.keycloak.admin.client.resource.IdentityProviderResource;
import org.keycloak.representations.idm.ClientScopeRepresentation;
import org.keycloak.representations.idm.IdentityProviderMapperRepresentation;
import org.keycloak.representations.idm.IdentityProviderRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * CVE-2026-14781 through a real upstream provider: Keycloak's OIDC broker takes the address from
 * the userinfo response but the verified flag from the ID token, so an upstream whose ID token says
 * {@code email=mallory@…, email_verified=true} while its userinfo says {@code email=<someone else>}
 * gets that other address marked verified. Keycloak fixed it in 26.8; on 26.7 the pack's {@code
 * userdata-email-verification-idp-mapper} and {@code userdata-brokered-email-verified} condition
 * close it.
 *
 * <p>The upstream is a second realm of the test server. Its broker client gets no {@code email}
 * scope; instead client mappers put the user's own verified address and its {@code email_verified}
 * into the ID token only, and a hardcoded address into the userinfo response only. The consumer
 * trusts email (the CVE's precondition) and calls userinfo, as Keycloak does by default.
 */
@KeycloakIT
class UserinfoEmailIT {

  private static final Path FLOW =
      Path.of(
          System.getProperty("repo.root", ".."),
          "docs/flows/first-broker-login-verified-only.json");
  private static final String FLOW_ALIAS = "userdata first broker login";
  private static final String ALIAS = "upstream";
  private static final String MALLORY_ADDRESS = "mallory@upstream.test";

  /** How the consumer realm is set up in front of the upstream. */
  private record Consumer(boolean documentedFlow, Map<String, String> mapper) {

    static Consumer keycloakAlone(boolean documentedFlow) {
      return new Consumer(documentedFlow, null);
    }

    static Consumer withMapper(boolean documentedFlow, Map<String, String> config) {
      return new Consumer(documentedFlow, config);
    }
  }

  /**
   * A consumer brokering to an upstream whose user {@code mallory} has her own verified address in
   * the ID token and {@code userinfoAddress} in the userinfo response.
   */
  private static UpstreamIdp upstream(Realms realms, Consumer setup, String userinfoAddress)
      throws Exception {
    TestRealm consumer = setup.documentedFlow() ? withDocumentedFlow(realms) : realms.create();
    UpstreamIdp upstream = realms.upstreamOidc(consumer, ALIAS);
    UserRepresentation mallory = new UserRepresentation();
    mallory.setUsername("mallory");
    mallory.setEmail(MALLORY_ADDRESS);
    mallory.setEmailVerified(true);
    mallory.setFirstName("Mallory");
    mallory.setLastName("Upstream");
    upstream.realm().createUser(mallory, "pw-mallory");
    splitAddressBetweenIdTokenAndUserinfo(upstream, userinfoAddress);

    IdentityProviderResource idp = consumer.admin().identityProviders().get(ALIAS);
    IdentityProviderRepresentation rep = idp.toRepresentation();
    rep.setTrustEmail(true);
    rep.getConfig().put("defaultScope", "openid profile");
    if (setup.documentedFlow()) {
      rep.setFirstBrokerLoginFlowAlias(FLOW_ALIAS);
    }
    idp.update(rep);
    if (setup.mapper() != null) {
      IdentityProviderMapperRepresentation mapper = new IdentityProviderMapperRepresentation();
      mapper.setName("verified email");
      mapper.setIdentityProviderAlias(ALIAS);
      mapper.setIdentityProviderMapper("userdata-email-verification-idp-mapper");
      mapper.setConfig(setup.mapper());
      try (Response created = idp.addMapper(mapper)) {
        assertThat(created.getStatus()).isEqualTo(201);
      }
    }
    return upstream;
  }

  private static TestRealm withDocumentedFlow(Realms realms) throws Exception {
    TestRealm realm = realms.create();
    FlowInstaller.install(
        realm, new ObjectMapper().readValue(FLOW.toFile(), RealmRepresentation.class));
    return realm;
  }

  /**
   * The upstream client's claims: no {@code email} scope; the user's address and verified flag in
   * the ID token only; {@code userinfoAddress}, without a flag, in the userinfo response only.
   */
  private static void splitAddressBetweenIdTokenAndUserinfo(
      UpstreamIdp upstream, String userinfoAddress) {
    var clients = upstream.realm().admin().clients();
    ClientResource client = clients.get(clients.findByClientId("broker-" + ALIAS).get(0).getId());
    ClientScopeRepresentation email =
        upstream.realm().admin().clientScopes().findAll().stream()
            .filter(s -> s.getName().equals("email"))
            .findFirst()
            .orElseThrow();
    client.removeDefaultClientScope(email.getId());
    idTokenOnly(client, "email", "email", "String");
    idTokenOnly(client, "emailVerified", "email_verified", "boolean");
    ProtocolMapperRepresentation userinfo = new ProtocolMapperRepresentation();
    userinfo.setName("userinfo email");
    userinfo.setProtocol("openid-connect");
    userinfo.setProtocolMapper("oidc-hardcoded-claim-mapper");
    userinfo.setConfig(
        Map.of(
            "claim.name", "email",
            "claim.value", userinfoAddress,
            "jsonType.label", "String",
            "id.token.claim", "false",
            "access.token.claim", "false",
            "userinfo.token.claim", "true"));
    try (Response created = client.getProtocolMappers().createMapper(userinfo)) {
      assertThat(created.getStatus()).isEqualTo(201);
    }
  }

  /** A user-property claim in the ID token only. */
  private static void idTokenOnly(
      ClientResource client, String property, String claim, String jsonType) {
    ProtocolMapperRepresentation mapper = new ProtocolMapperRepresentation();
    mapper.setName("id token " + claim);
    mapper.setProtocol("openid-connect");
    mapper.setProtocolMapper("oidc-usermodel-property-mapper");
    mapper.setConfig(
        Map.of(
            "user.attribute",
            property,
            "claim.name",
            claim,
            "jsonType.label",
            jsonType,
            "id.token.claim",
            "true",
            "access.token.claim",
            "false",
            "userinfo.token.claim",
            "false"));
    try (Response created = client.getProtocolMappers().createMapper(mapper)) {
      assertThat(created.getStatus()).isEqualTo(201);
    }
  }

  private static UserRepresentation consumerUser(UpstreamIdp upstream, String username) {
    List<UserRepresentation> users =
        upstream.consumer().admin().users().searchByUsername(username, true);
    assertThat(users).hasSize(1);
    return users.get(0);
  }

  private static LoginOutcome signInAsMallory(Browser browser, UpstreamIdp upstream) {
    return browser.loginThroughIdp(upstream.consumer(), ALIAS, "mallory", "pw-mallory");
  }

  private static Map<String, String> claimPolicy(String requireVerifyAction) {
    return Map.of(
        "policy", "claim", "require.verify.action", requireVerifyAction, "syncMode", "INHERIT");
  }

  @Nested
  class KeycloakAlone {

    /**
     * Characterises the CVE on the server the tests run (26.7.5): this fails once Keycloak itself
     * stops applying the ID token's flag to userinfo's address, which is the sign to revisit the
     * guard.
     */
    @Test
    void marksTheUserinfoAddressVerifiedOnTheIdTokensWordForAnotherAddress(
        Realms realms, Browser browser) throws Exception {
      UpstreamIdp upstream = upstream(realms, Consumer.keycloakAlone(false), "victim@example.test");

      LoginOutcome outcome = signInAsMallory(browser, upstream);

      assertThat(outcome.signedIn()).as(outcome.pageText()).isTrue();
      UserRepresentation user = consumerUser(upstream, "mallory");
      assertThat(user.getEmail()).isEqualTo("victim@example.test");
      assertThat(user.isEmailVerified()).isTrue();
    }

    @Test
    void theDocumentedFlowDoesNotAutoLinkTheUserinfoAddressToTheAccountHoldingIt(
        Realms realms, Browser browser) throws Exception {
      UpstreamIdp upstream = upstream(realms, Consumer.keycloakAlone(true), "victim@example.test");
      String victimId = upstream.consumer().createUser("victim", "pw-victim-1");

      LoginOutcome outcome = signInAsMallory(browser, upstream);

      assertThat(outcome.signedIn()).as(outcome.pageText()).isFalse();
      assertThat(upstream.consumer().admin().users().get(victimId).getFederatedIdentity())
          .isEmpty();
    }
  }

  @Nested
  class WithTheEmailVerificationMapper {

    @Test
    void theUserinfoAddressStaysUnverifiedWhatsoeverTheIdTokenSaysOfAnother(
        Realms realms, Browser browser) throws Exception {
      UpstreamIdp upstream =
          upstream(realms, Consumer.withMapper(false, claimPolicy("false")), "victim@example.test");

      LoginOutcome outcome = signInAsMallory(browser, upstream);

      assertThat(outcome.signedIn()).as(outcome.pageText()).isTrue();
      UserRepresentation user = consumerUser(upstream, "mallory");
      assertThat(user.getEmail()).isEqualTo("victim@example.test");
      assertThat(user.isEmailVerified()).isFalse();
    }

    @Test
    void requireVerifyActionMakesTheUserProveTheUserinfoAddress(Realms realms, Browser browser)
        throws Exception {
      UpstreamIdp upstream =
          upstream(realms, Consumer.withMapper(false, claimPolicy("true")), "victim@example.test");

      LoginOutcome outcome = signInAsMallory(browser, upstream);

      assertThat(outcome.signedIn()).isFalse();
      UserRepresentation user = consumerUser(upstream, "mallory");
      assertThat(user.isEmailVerified()).isFalse();
      assertThat(user.getRequiredActions()).contains("VERIFY_EMAIL");
    }

    @Test
    void theDocumentedFlowDoesNotLinkTheUserinfoAddressToTheAccountHoldingIt(
        Realms realms, Browser browser) throws Exception {
      UpstreamIdp upstream =
          upstream(realms, Consumer.withMapper(true, claimPolicy("false")), "victim@example.test");
      String victimId = upstream.consumer().createUser("victim", "pw-victim-1");

      LoginOutcome outcome = signInAsMallory(browser, upstream);

      assertThat(outcome.signedIn()).as(outcome.pageText()).isFalse();
      assertThat(upstream.consumer().admin().users().get(victimId).getFederatedIdentity())
          .isEmpty();
      assertThat(upstream.consumer().admin().users().searchByUsername("mallory", true)).isEmpty();
    }

    @Test
    void anHonestProviderNamingTheSameAddressInBothStillYieldsAVerifiedUser(
        Realms realms, Browser browser) throws Exception {
      UpstreamIdp upstream =
          upstream(realms, Consumer.withMapper(false, claimPolicy("false")), MALLORY_ADDRESS);

      LoginOutcome outcome = signInAsMallory(browser, upstream);

      assertThat(outcome.signedIn()).as(outcome.pageText()).isTrue();
      UserRepresentation user = consumerUser(upstream, "mallory");
      assertThat(user.getEmail()).isEqualTo(MALLORY_ADDRESS);
      assertThat(user.isEmailVerified()).isTrue();
    }

    @Test
    void theDocumentedFlowStillLinksAnHonestProvidersVerifiedAddress(Realms realms, Browser browser)
        throws Exception {
      UpstreamIdp upstream =
          upstream(realms, Consumer.withMapper(true, claimPolicy("false")), "victim@example.test");
      // The honest case of the same setup: the ID token and userinfo name the local address.
      String localId = upstream.consumer().createUser("victim", "pw-victim-1");
      var upstreamUsers = upstream.realm().admin().users();
      UserRepresentation mallory = upstreamUsers.searchByUsername("mallory", true).get(0);
      mallory.setEmail("victim@example.test");
      mallory.setEmailVerified(true);
      upstreamUsers.get(mallory.getId()).update(mallory);

      LoginOutcome outcome = signInAsMallory(browser, upstream);

      assertThat(outcome.signedIn()).as(outcome.pageText()).isTrue();
      assertThat(upstream.consumer().admin().users().get(localId).getFederatedIdentity())
          .extracting(f -> f.getIdentityProvider())
          .containsExactly(ALIAS);
    }
  }
}

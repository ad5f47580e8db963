package io.kcuserdata.it.idp;

import static org.assertj.core.api.Assertions.assertThat;

import io.kcuserdata.it.harness.Browser;
import io.kcuserdata.it.harness.LoginOutcome;
import io.kcuserdata.it.harness.Realms;
import io.kcuserdata.it.harness.TestRealm;
import io.kcuserdata.it.harness.UpstreamIdp;
import jakarta.ws.rs.core.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.keycloak.admin.client.resource.ClientResource;
import org.keycloak.representations.idm.IdentityProviderMapperRepresentation;
import org.keycloak.representations.idm.IdentityProviderRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.representations.userprofile.config.UPConfig.UnmanagedAttributePolicy;

/**
 * A consumer realm brokering to an upstream realm of the same server, whose user {@code ursula}
 * carries attributes the upstream client turns into claims: a string, a JSON object, an array.
 */
final class BrokerSetup {

  static final String ALIAS = "upstream";
  static final String PASSWORD = "pw-ursula-1";

  final TestRealm consumer;
  final UpstreamIdp upstream;
  final String ursulaUpstreamId;

  private BrokerSetup(TestRealm consumer, UpstreamIdp upstream, String ursulaUpstreamId) {
    this.consumer = consumer;
    this.upstream = upstream;
    this.ursulaUpstreamId = ursulaUpstreamId;
  }

  static BrokerSetup create(Realms realms, String syncMode) {
    TestRealm consumer = realms.create();
    UpstreamIdp upstream = realms.upstreamOidc(consumer, ALIAS);
    upstream.realm().unmanagedAttributes(UnmanagedAttributePolicy.ADMIN_EDIT);
    String ursula = upstream.createUser("ursula", PASSWORD);
    BrokerSetup setup = new BrokerSetup(consumer, upstream, ursula);
    setup.upstreamClaim("plan", "plan", "String", false);
    setup.upstreamClaim("company", "company", "JSON", false);
    setup.upstreamClaim("teams", "teams", "String", true);
    setup.setUpstream(
        Map.of(
            "plan",
            List.of("pro"),
            "company",
            List.of("{\"name\":\"Acme\",\"size\":50}"),
            "teams",
            List.of("red", "blue")));
    IdentityProviderRepresentation idp =
        consumer.admin().identityProviders().get(ALIAS).toRepresentation();
    idp.getConfig().put("syncMode", syncMode);
    consumer.admin().identityProviders().get(ALIAS).update(idp);
    return setup;
  }

  /** A claim of the upstream client's tokens (ID token and userinfo) from a user attribute. */
  void upstreamClaim(String attribute, String claim, String jsonType, boolean multivalued) {
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
                    .findByClientId("broker-" + ALIAS)
                    .get(0)
                    .getId());
    ProtocolMapperRepresentation mapper = new ProtocolMapperRepresentation();
    mapper.setName(claim);
    mapper.setProtocol("openid-connect");
    mapper.setProtocolMapper("oidc-usermodel-attribute-mapper");
    mapper.setConfig(
        Map.of(
            "user.attribute",
            attribute,
            "claim.name",
            claim,
            "jsonType.label",
            jsonType,
            "multivalued",
            Boolean.toString(multivalued),
            "id.token.claim",
            "true",
            "access.token.claim",
            "true",
            "userinfo.token.claim",
            "true"));
    try (Response created = client.getProtocolMappers().createMapper(mapper)) {
      assertThat(created.getStatus()).isEqualTo(201);
    }
  }

  /** Replaces the upstream user's attributes (those not named stay as they are). */
  void setUpstream(Map<String, List<String>> attributes) {
    var user = upstream.realm().admin().users().get(ursulaUpstreamId);
    UserRepresentation rep = user.toRepresentation();
    Map<String, List<String>> all =
        new HashMap<>(rep.getAttributes() == null ? Map.of() : rep.getAttributes());
    all.putAll(attributes);
    rep.setAttributes(all);
    user.update(rep);
  }

  void removeUpstream(String attribute) {
    var user = upstream.realm().admin().users().get(ursulaUpstreamId);
    UserRepresentation rep = user.toRepresentation();
    Map<String, List<String>> all = new HashMap<>(rep.getAttributes());
    all.remove(attribute);
    rep.setAttributes(all);
    user.update(rep);
  }

  /** Adds a {@code userdata-attribute-idp-mapper} to the consumer's identity provider. */
  void mapper(String name, Map<String, String> config) {
    IdentityProviderMapperRepresentation mapper = new IdentityProviderMapperRepresentation();
    mapper.setName(name);
    mapper.setIdentityProviderAlias(ALIAS);
    mapper.setIdentityProviderMapper("userdata-attribute-idp-mapper");
    Map<String, String> all = new HashMap<>(config);
    all.putIfAbsent("syncMode", "INHERIT");
    mapper.setConfig(all);
    try (Response created = consumer.admin().identityProviders().get(ALIAS).addMapper(mapper)) {
      assertThat(created.getStatus()).isEqualTo(201);
    }
  }

  /** Signs ursula in to the consumer through the upstream provider. */
  String login(Browser browser) {
    LoginOutcome outcome = browser.loginThroughIdp(consumer, ALIAS, "ursula", PASSWORD);
    assertThat(outcome.signedIn()).as(outcome.pageText()).isTrue();
    List<UserRepresentation> users = consumer.admin().users().searchByUsername("ursula", true);
    assertThat(users).hasSize(1);
    return users.get(0).getId();
  }
}

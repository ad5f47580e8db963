package io.kcuserdata.it.idp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kcuserdata.it.harness.Browser;
import io.kcuserdata.it.harness.HttpApi;
import io.kcuserdata.it.harness.KeycloakIT;
import io.kcuserdata.it.harness.LoginOutcome;
import io.kcuserdata.it.harness.Realms;
import io.kcuserdata.it.harness.TestRealm;
import io.kcuserdata.it.harness.UpstreamIdp;
import jakarta.ws.rs.core.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.IdentityProviderMapperRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.representations.userprofile.config.UPConfig.UnmanagedAttributePolicy;

/**
 * {@code userdata-attribute-idp-mapper} behind a SAML provider: attributes by Name or FriendlyName.
 */
@KeycloakIT
class SamlAttributeIT {

  @Test
  void importsSingleAndMultiValuedAttributesByNameOrFriendlyName(
      Realms realms, Browser browser, HttpApi admin) {
    TestRealm consumer = realms.create();
    UpstreamIdp saml = realms.upstreamSaml(consumer, "corp");
    saml.realm().unmanagedAttributes(UnmanagedAttributePolicy.ADMIN_EDIT);
    String upstreamId = saml.createUser("sam", "pw-sam-1");
    var user = saml.realm().admin().users().get(upstreamId);
    UserRepresentation rep = user.toRepresentation();
    rep.setAttributes(
        new HashMap<>(Map.of("department", List.of("R&D"), "teams", List.of("red", "blue"))));
    user.update(rep);
    samlAttribute(saml, "department", "urn:oid:2.5.4.11", "ou", false);
    samlAttribute(saml, "teams", "memberOf", null, true);
    idpMapper(consumer, "department", Map.of("source", "ou", "target", "custom_data.department"));
    idpMapper(
        consumer,
        "department by name",
        Map.of("source", "urn:oid:2\\.5\\.4\\.11", "target", "custom_data.ou"));
    idpMapper(consumer, "teams", Map.of("source", "memberOf", "target", "idp.corp.teams"));

    // The assertion carries no email or names: the review form asks for them.
    LoginOutcome outcome =
        browser.loginThroughIdp(
            consumer,
            "corp",
            "sam",
            "pw-sam-1",
            Map.of("email", "sam@example.test", "firstName", "Sam", "lastName", "Tester"));

    assertThat(outcome.signedIn()).as(outcome.pageText()).isTrue();
    String userId = consumer.admin().users().searchByUsername("sam", true).get(0).getId();
    JsonNode data =
        admin.get("/admin/realms/" + consumer.name() + "/user-data/users/" + userId).json();
    assertThat(data.path("custom_data").toString())
        .isEqualTo("{\"department\":\"R&D\",\"ou\":\"R&D\"}");
    assertThat(data.path("idp").path("corp").path("teams").toString())
        .isEqualTo("[\"red\",\"blue\"]");
  }

  private static void samlAttribute(
      UpstreamIdp saml, String userAttribute, String name, String friendlyName, boolean aggregate) {
    String clientId =
        saml.realm()
            .admin()
            .clients()
            .findByClientId(saml.consumer().issuer().toString())
            .get(0)
            .getId();
    ProtocolMapperRepresentation mapper = new ProtocolMapperRepresentation();
    mapper.setName(name);
    mapper.setProtocol("saml");
    mapper.setProtocolMapper("saml-user-attribute-mapper");
    Map<String, String> config = new HashMap<>();
    config.put("user.attribute", userAttribute);
    config.put("attribute.name", name);
    config.put("attribute.nameformat", "URI Reference");
    config.put("aggregate.attrs", Boolean.toString(aggregate));
    if (friendlyName != null) {
      config.put("friendly.name", friendlyName);
    }
    mapper.setConfig(config);
    try (Response created =
        saml.realm().admin().clients().get(clientId).getProtocolMappers().createMapper(mapper)) {
      assertThat(created.getStatus()).isEqualTo(201);
    }
  }

  private static void idpMapper(TestRealm consumer, String name, Map<String, String> config) {
    IdentityProviderMapperRepresentation mapper = new IdentityProviderMapperRepresentation();
    mapper.setName(name);
    mapper.setIdentityProviderAlias("corp");
    mapper.setIdentityProviderMapper("userdata-attribute-idp-mapper");
    Map<String, String> all = new HashMap<>(config);
    all.put("syncMode", "INHERIT");
    mapper.setConfig(all);
    try (Response created = consumer.admin().identityProviders().get("corp").addMapper(mapper)) {
      assertThat(created.getStatus()).isEqualTo(201);
    }
  }
}

package io.kcuserdata.mappers.idp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kcuserdata.core.json.ClaimPath;
import io.kcuserdata.core.json.Json;
import java.util.Map;
import javax.xml.datatype.DatatypeFactory;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.keycloak.broker.oidc.OIDCIdentityProvider;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.broker.saml.SAMLEndpoint;
import org.keycloak.dom.saml.v2.assertion.AssertionType;
import org.keycloak.dom.saml.v2.assertion.AttributeStatementType;
import org.keycloak.dom.saml.v2.assertion.AttributeType;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.representations.IDToken;

/** Where each kind of provider leaves its claims, and what the mapper reads from there. */
class BrokeredClaimsTest {

  private static BrokeredIdentityContext context() {
    IdentityProviderModel provider = new IdentityProviderModel();
    provider.setEnabled(true);
    return new BrokeredIdentityContext("id", provider);
  }

  private static JsonNode find(BrokeredIdentityContext context, String path) {
    return BrokeredClaims.find(context, ClaimPath.parse(path)).orElse(null);
  }

  @Nested
  class SocialProfiles {

    @Test
    void gitHubUserJson() {
      BrokeredIdentityContext context = context();
      context
          .getContextData()
          .put(
              OIDCIdentityProvider.USER_INFO,
              Json.parseOrNull(
                  "{\"login\":\"octocat\",\"id\":583231,\"company\":\"@github\","
                      + "\"plan\":{\"name\":\"pro\",\"private_repos\":9999},\"two_factor_authentication\":true}"));

      assertThat(find(context, "login").asText()).isEqualTo("octocat");
      assertThat(find(context, "id").isIntegralNumber()).isTrue();
      assertThat(find(context, "plan").toString())
          .isEqualTo("{\"name\":\"pro\",\"private_repos\":9999}");
      assertThat(find(context, "plan.name").asText()).isEqualTo("pro");
      assertThat(find(context, "two_factor_authentication").isBoolean()).isTrue();
    }

    @Test
    void googleUserinfo() {
      BrokeredIdentityContext context = context();
      context
          .getContextData()
          .put(
              OIDCIdentityProvider.USER_INFO,
              Json.parseOrNull(
                  "{\"sub\":\"1100\",\"email\":\"a@example.com\",\"email_verified\":true,"
                      + "\"hd\":\"example.com\",\"locale\":\"en\"}"));

      assertThat(find(context, "hd").asText()).isEqualTo("example.com");
      assertThat(find(context, "email_verified").asBoolean()).isTrue();
    }

    @Test
    void microsoftGraphMe() {
      BrokeredIdentityContext context = context();
      context
          .getContextData()
          .put(
              OIDCIdentityProvider.USER_INFO,
              Json.parseOrNull(
                  "{\"@odata.context\":\"https://graph.microsoft.com/v1.0/$metadata#users/$entity\","
                      + "\"businessPhones\":[\"+1 412 555 0109\"],\"jobTitle\":\"Engineer\","
                      + "\"officeLocation\":\"18/2111\",\"id\":\"87d349ed\"}"));

      assertThat(find(context, "businessPhones[0]").asText()).isEqualTo("+1 412 555 0109");
      assertThat(find(context, "@odata\\.context").asText()).startsWith("https://graph");
      assertThat(find(context, "jobTitle").asText()).isEqualTo("Engineer");
    }
  }

  @Nested
  class OpenIdConnect {

    @Test
    void theIdTokenComesBeforeUserinfo() {
      BrokeredIdentityContext context = context();
      IDToken idToken = new IDToken();
      idToken.setOtherClaims("plan", "from-id-token");
      idToken.setOtherClaims("address", Map.of("country", "DE"));
      context.getContextData().put(OIDCIdentityProvider.VALIDATED_ID_TOKEN, idToken);
      context
          .getContextData()
          .put(
              OIDCIdentityProvider.USER_INFO,
              Json.parseOrNull("{\"plan\":\"from-userinfo\",\"only\":1}"));

      assertThat(find(context, "plan").asText()).isEqualTo("from-id-token");
      assertThat(find(context, "address.country").asText()).isEqualTo("DE");
      assertThat(find(context, "only").asInt()).isEqualTo(1);
    }
  }

  @Nested
  class Saml {

    private BrokeredIdentityContext withAttribute(
        String name, String friendlyName, Object... values) {
      AttributeType attribute = new AttributeType(name);
      attribute.setFriendlyName(friendlyName);
      for (Object value : values) {
        attribute.addAttributeValue(value);
      }
      AttributeStatementType statement = new AttributeStatementType();
      statement.addAttribute(new AttributeStatementType.ASTChoiceType(attribute));
      AssertionType assertion =
          new AssertionType(
              "a1",
              DatatypeFactory.newDefaultInstance().newXMLGregorianCalendar("2026-11-21T10:00:00Z"));
      assertion.addStatement(statement);
      BrokeredIdentityContext context = context();
      context.getContextData().put(SAMLEndpoint.SAML_ASSERTION, assertion);
      return context;
    }

    @Test
    void findsAnAttributeByNameOrFriendlyName() {
      BrokeredIdentityContext context =
          withAttribute("urn:oid:2.5.4.10", "organizationName", "Acme");

      assertThat(find(context, "organizationName").asText()).isEqualTo("Acme");
      assertThat(find(context, "urn:oid:2\\.5\\.4\\.10").asText()).isEqualTo("Acme");
    }

    @Test
    void readsSeveralValuesAsAnArray() {
      BrokeredIdentityContext context = withAttribute("groups", null, "red", "blue");

      assertThat(find(context, "groups").toString()).isEqualTo("[\"red\",\"blue\"]");
      assertThat(find(context, "groups[1]").asText()).isEqualTo("blue");
    }
  }
}

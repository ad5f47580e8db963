package io.kcuserdata.mappers.idp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.kcuserdata.core.json.ClaimPath;
import io.kcuserdata.core.json.Json;
import io.kcuserdata.mappers.broker.ClaimSources;
import java.util.Objects;
import java.util.Optional;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.broker.saml.SAMLEndpoint;
import org.keycloak.dom.saml.v2.assertion.AssertionType;
import org.keycloak.dom.saml.v2.assertion.AttributeStatementType;
import org.keycloak.dom.saml.v2.assertion.AttributeType;

/**
 * What a provider said about the user, wherever Keycloak keeps it in the brokered context: OIDC's
 * ID token, then the access token, then userinfo (social providers' profile JSON lives there too);
 * SAML's assertion attributes by Name or FriendlyName.
 */
final class BrokeredClaims {

  private BrokeredClaims() {}

  static Optional<JsonNode> find(BrokeredIdentityContext context, ClaimPath path) {
    for (JsonNode claims : ClaimSources.of(context.getContextData())) {
      Optional<JsonNode> value = path.find(claims);
      if (value.isPresent()) {
        return value;
      }
    }
    Object assertion = context.getContextData().get(SAMLEndpoint.SAML_ASSERTION);
    if (assertion instanceof AssertionType saml) {
      return samlAttribute(saml, path);
    }
    return Optional.empty();
  }

  /**
   * The attribute whose Name or FriendlyName is the path's first step: its one value as text, or
   * all its values as an array; the rest of the path then applies to that.
   */
  private static Optional<JsonNode> samlAttribute(AssertionType assertion, ClaimPath path) {
    String name = path.head();
    ArrayNode values = Json.NODES.arrayNode();
    for (AttributeStatementType statement : assertion.getAttributeStatements()) {
      for (AttributeStatementType.ASTChoiceType choice : statement.getAttributes()) {
        AttributeType attribute = choice.getAttribute();
        if (attribute != null
            && (Objects.equals(attribute.getName(), name)
                || Objects.equals(attribute.getFriendlyName(), name))) {
          attribute.getAttributeValue().stream()
              .filter(Objects::nonNull)
              .forEach(value -> values.add(value.toString()));
        }
      }
    }
    if (values.isEmpty()) {
      return Optional.empty();
    }
    JsonNode attribute = values.size() == 1 ? values.get(0) : values;
    return path.rest().find(attribute);
  }
}

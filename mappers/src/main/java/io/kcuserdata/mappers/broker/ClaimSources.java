package io.kcuserdata.mappers.broker;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.keycloak.broker.oidc.OIDCIdentityProvider;
import org.keycloak.jose.jws.JWSInput;
import org.keycloak.jose.jws.JWSInputException;
import org.keycloak.representations.JsonWebToken;
import org.keycloak.util.JsonSerialization;

/**
 * The claim sets Keycloak keeps in a brokered context, as JSON, in the order the mapper reads them:
 * the validated ID token, the validated access token (Keycloak-OIDC, or OIDC with a JWT access
 * token), and the userinfo response, which is also where social providers leave their profile JSON
 * (GitHub {@code /user}, Google userinfo, Microsoft Graph {@code /me}).
 */
public final class ClaimSources {

  private ClaimSources() {}

  public static List<JsonNode> of(Map<String, Object> contextData) {
    List<JsonNode> sets = new ArrayList<>(3);
    for (String key :
        List.of(
            OIDCIdentityProvider.VALIDATED_ID_TOKEN,
            OIDCIdentityProvider.VALIDATED_ACCESS_TOKEN,
            OIDCIdentityProvider.USER_INFO)) {
      JsonNode claims = tree(contextData.get(key));
      if (claims != null) {
        sets.add(claims);
      }
    }
    return sets;
  }

  private static JsonNode tree(Object value) {
    if (value instanceof JsonNode node) {
      return node;
    }
    if (value instanceof JsonWebToken token) {
      // Through Jackson rather than getOtherClaims(): a typed token (IDToken) keeps email_verified
      // in a field, not among the other claims.
      return JsonSerialization.mapper.valueToTree(token);
    }
    if (value instanceof Map<?, ?> map) {
      return JsonSerialization.mapper.valueToTree(map);
    }
    if (value instanceof String raw) {
      // Keycloak's own claim mappers accept the ID token in its compact form too.
      try {
        return new JWSInput(raw).readJsonContent(JsonNode.class);
      } catch (JWSInputException e) {
        return null;
      }
    }
    return null;
  }
}

package io.kcuserdata.core.token;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.protocol.ProtocolMapperUtils;
import org.keycloak.protocol.oidc.mappers.OIDCAttributeMapperHelper;
import org.keycloak.utils.JsonUtils;

/** The glue between a checked config and {@code OIDCAttributeMapperHelper.mapClaim}. */
public final class TokenClaims {

  private TokenClaims() {}

  /**
   * Whether a nested claim can be set: Keycloak's {@code JsonUtils.mapClaim} casts every value on
   * the way to a {@code Map}, so a string another mapper put at {@code acme} would make {@code
   * acme.data} throw and fail the whole token request.
   */
  public static boolean fits(Map<String, Object> claims, String claimName) {
    List<String> path = JsonUtils.splitClaimPath(claimName);
    Map<?, ?> current = claims;
    for (int i = 0; i < path.size() - 1; i++) {
      Object next = current.get(path.get(i));
      if (next == null) {
        return true;
      }
      if (!(next instanceof Map<?, ?> nested)) {
        return false;
      }
      current = nested;
    }
    return true;
  }

  /**
   * A copy of the mapper's model that {@code mapClaim} reads as intended: the resolved claim name
   * (the default fills an empty one), and no JSON type or multivalued flag, which would make it
   * convert or merge our object.
   */
  public static ProtocolMapperModel forMapClaim(ProtocolMapperModel model, String claimName) {
    ProtocolMapperModel copy = new ProtocolMapperModel();
    copy.setId(model.getId());
    copy.setName(model.getName());
    copy.setProtocol(model.getProtocol());
    copy.setProtocolMapper(model.getProtocolMapper());
    Map<String, String> config =
        model.getConfig() == null ? new HashMap<>() : new HashMap<>(model.getConfig());
    config.put(OIDCAttributeMapperHelper.TOKEN_CLAIM_NAME, claimName);
    config.remove(OIDCAttributeMapperHelper.JSON_TYPE);
    config.remove(ProtocolMapperUtils.MULTIVALUED);
    copy.setConfig(config);
    return copy;
  }
}

package io.kcuserdata.mappers.claims;

import java.util.List;
import java.util.Map;
import org.keycloak.protocol.ProtocolMapperConfigException;
import org.keycloak.protocol.oidc.mappers.OIDCAttributeMapperHelper;

/**
 * A mapper's config, checked. The same parsing serves {@code validateConfig} and token issuance, so
 * a mapper that reached the realm without the admin API (realm import) is held to the same rules.
 *
 * @param keys the top-level keys to include, empty for all
 * @param claimName the claim name, dotted for nesting; never empty
 */
record ClaimMapperConfig(NamespaceTarget target, List<String> keys, String claimName) {

  static final String NAMESPACE = "namespace";
  static final String KEYS = "keys";
  static final String CLAIM_NAME = OIDCAttributeMapperHelper.TOKEN_CLAIM_NAME;

  ClaimMapperConfig {
    keys = List.copyOf(keys);
  }

  static ClaimMapperConfig parse(Map<String, String> config) throws ProtocolMapperConfigException {
    Map<String, String> values = config == null ? Map.of() : config;
    NamespaceTarget target = NamespaceTarget.parse(values.get(NAMESPACE));
    List<String> keys = KeyList.parse(values.get(KEYS));
    String rawClaim = values.get(CLAIM_NAME);
    String claimName =
        rawClaim == null || rawClaim.isBlank()
            ? target.defaultClaimName()
            : ClaimNames.check(rawClaim);
    return new ClaimMapperConfig(target, keys, claimName);
  }
}

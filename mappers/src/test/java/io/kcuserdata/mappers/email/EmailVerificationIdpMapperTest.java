package io.kcuserdata.mappers.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.keycloak.provider.ProviderConfigProperty;

class EmailVerificationIdpMapperTest {

  private final EmailVerificationIdpMapper mapper = new EmailVerificationIdpMapper();

  @Test
  void itIsThePublicProviderIdForEveryProviderType() {
    assertThat(mapper.getId()).isEqualTo("userdata-email-verification-idp-mapper");
    assertThat(mapper.getCompatibleProviders()).containsExactly("*");
  }

  @Test
  void theFormOffersTheDocumentedKeysWithTheirDefaults() {
    Map<String, Object> defaults =
        mapper.getConfigProperties().stream()
            .collect(
                Collectors.toMap(
                    ProviderConfigProperty::getName,
                    ProviderConfigProperty::getDefaultValue,
                    (a, b) -> a,
                    LinkedHashMap::new));

    assertThat(defaults)
        .containsExactly(
            Map.entry("policy", "claim"),
            Map.entry("claim", "email_verified"),
            Map.entry("require.verify.action", "false"));
  }

  @Test
  void thePolicyIsAListOfTheThreePolicies() {
    ProviderConfigProperty policy = mapper.getConfigProperties().get(0);

    assertThat(policy.getType()).isEqualTo(ProviderConfigProperty.LIST_TYPE);
    assertThat(policy.getOptions()).containsExactly("claim", "always", "never");
  }
}

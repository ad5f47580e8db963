package io.kcuserdata.mappers.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailVerificationConfigTest {

  static EmailVerificationConfig parse(String policy, String claim, String requireAction)
      throws InvalidMapperConfigException {
    Map<String, String> config = new HashMap<>();
    config.put("policy", policy);
    config.put("claim", claim);
    config.put("require.verify.action", requireAction);
    config.put("syncMode", "FORCE");
    return EmailVerificationConfig.parse(config);
  }

  @Nested
  class Defaults {

    @Test
    void anEmptyConfigMeansPolicyClaimOnEmailVerifiedWithoutRequiredAction() throws Exception {
      EmailVerificationConfig config = EmailVerificationConfig.parse(Map.of());

      assertThat(config.policy()).isEqualTo(EmailVerificationPolicy.CLAIM);
      assertThat(config.claim().path().toString()).isEqualTo("email_verified");
      assertThat(config.requireVerifyAction()).isFalse();
    }

    @Test
    void aNullConfigMeansTheDefaults() throws Exception {
      assertThat(EmailVerificationConfig.parse(null).policy())
          .isEqualTo(EmailVerificationPolicy.CLAIM);
    }

    @Test
    void keycloaksSyncModeKeyIsLeftToKeycloak() throws Exception {
      assertThat(parse("always", null, null).policy()).isEqualTo(EmailVerificationPolicy.ALWAYS);
    }
  }

  @Nested
  class PolicyOption {

    @ParameterizedTest
    @ValueSource(strings = {"claim", "always", "never", " Always ", "NEVER"})
    void theThreePoliciesAreAcceptedInAnyCase(String value) throws Exception {
      assertThat(parse(value, null, null).policy().value()).isEqualTo(value.trim().toLowerCase());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void aBlankPolicyMeansClaim(String value) throws Exception {
      assertThat(parse(value, null, null).policy()).isEqualTo(EmailVerificationPolicy.CLAIM);
    }

    @ParameterizedTest
    @ValueSource(strings = {"trust", "true", "sometimes", "claims"})
    void anUnknownPolicyIsRefusedNamingTheKeyAndTheChoices(String value) {
      assertThatThrownBy(() -> parse(value, null, null))
          .isInstanceOfSatisfying(
              InvalidMapperConfigException.class, e -> assertThat(e.key()).isEqualTo("policy"))
          .hasMessageContaining("'policy'")
          .hasMessageContaining("claim, always, never");
    }

    @Test
    void theRefusalDoesNotRepeatTheValueBecauseItEndsUpInLogs() {
      assertThatThrownBy(() -> parse("s3cr3t-looking-value", null, null))
          .message()
          .doesNotContain("s3cr3t-looking-value");
    }
  }

  @Nested
  class ClaimOption {

    @Test
    void aDottedClaimNests() throws Exception {
      assertThat(parse("claim", "ext.email_verified", null).claim().path().toString())
          .isEqualTo("ext.email_verified");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  "})
    void aBlankClaimUnderPolicyClaimIsRefusedNamingTheKey(String value) {
      assertThatThrownBy(() -> parse("claim", value, null))
          .isInstanceOfSatisfying(
              InvalidMapperConfigException.class, e -> assertThat(e.key()).isEqualTo("claim"))
          .hasMessageContaining("'claim'")
          .hasMessageContaining("blank");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a..b", ".email_verified", "email_verified."})
    void aPathWithAnEmptyNameIsRefusedNamingTheKey(String value) {
      assertThatThrownBy(() -> parse("claim", value, null))
          .hasMessageContaining("'claim'")
          .hasMessageContaining("empty name");
    }

    @Test
    void aTooLongPathIsRefused() {
      assertThatThrownBy(() -> parse("claim", "a".repeat(257), null))
          .hasMessageContaining("'claim'")
          .hasMessageContaining("256");
    }

    @ParameterizedTest
    @ValueSource(strings = {"always", "never"})
    void theClaimIsIgnoredUnderPoliciesThatDoNotReadIt(String policy) throws Exception {
      assertThat(parse(policy, "", null).claim().path().toString()).isEqualTo("email_verified");
      assertThat(parse(policy, "a..b", null).claim().path().toString()).isEqualTo("email_verified");
    }
  }

  @Nested
  class RequireVerifyActionOption {

    @Test
    void trueAndFalseAreAcceptedInAnyCase() throws Exception {
      assertThat(parse(null, null, "true").requireVerifyAction()).isTrue();
      assertThat(parse(null, null, "TRUE").requireVerifyAction()).isTrue();
      assertThat(parse(null, null, "false").requireVerifyAction()).isFalse();
    }

    @Test
    void blankMeansFalse() throws Exception {
      assertThat(parse(null, null, " ").requireVerifyAction()).isFalse();
    }

    @Test
    void anythingElseIsRefusedNamingTheKey() {
      for (String value : List.of("yes", "1", "on")) {
        assertThatThrownBy(() -> parse(null, null, value))
            .isInstanceOfSatisfying(
                InvalidMapperConfigException.class,
                e -> assertThat(e.key()).isEqualTo("require.verify.action"))
            .hasMessageContaining("'require.verify.action' must be true or false");
      }
    }
  }
}

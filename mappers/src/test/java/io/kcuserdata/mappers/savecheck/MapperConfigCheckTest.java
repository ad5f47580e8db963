package io.kcuserdata.mappers.savecheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class MapperConfigCheckTest {

  private static final String ATTRIBUTE = "userdata-attribute-idp-mapper";
  private static final String EMAIL = "userdata-email-verification-idp-mapper";

  @Nested
  class TheAttributeMapper {

    @Test
    void passesAConfigItCanRun() {
      assertThat(
              MapperConfigCheck.problem(
                  ATTRIBUTE, "github", Map.of("source", "plan.name", "target", "idp.github.plan")))
          .isEmpty();
    }

    @Test
    void refusesAnotherProvidersNamespaceNamingBoth() {
      assertThat(
              MapperConfigCheck.problem(
                  ATTRIBUTE, "github", Map.of("source", "sub", "target", "idp.google.sub")))
          .hasValueSatisfying(m -> assertThat(m).contains("idp.github").contains("idp.google"));
    }

    @Test
    void refusesAMissingTargetAndAnUnknownType() {
      assertThat(MapperConfigCheck.problem(ATTRIBUTE, "github", Map.of("source", "plan")))
          .hasValueSatisfying(m -> assertThat(m).startsWith("target: required"));
      assertThat(
              MapperConfigCheck.problem(
                  ATTRIBUTE,
                  "github",
                  Map.of("source", "plan", "target", "custom_data.plan", "value.type", "date")))
          .hasValueSatisfying(m -> assertThat(m).startsWith("value.type"));
    }
  }

  @Nested
  class TheEmailVerificationMapper {

    @Test
    void refusesAnUnknownPolicyNamingTheKey() {
      assertThat(MapperConfigCheck.problem(EMAIL, "entra", Map.of("policy", "sometimes")))
          .hasValueSatisfying(m -> assertThat(m).startsWith("Config key 'policy'"));
    }

    @Test
    void passesTheDefaults() {
      assertThat(MapperConfigCheck.problem(EMAIL, "entra", null)).isEmpty();
    }
  }

  @Test
  void leavesOtherMapperTypesAlone() {
    assertThat(
            MapperConfigCheck.problem(
                "hardcoded-attribute-idp-mapper", "x", Map.of("attribute", "status.x")))
        .isEmpty();
  }
}

package io.kcuserdata.core.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.kcuserdata.core.namespace.Namespace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SchemaTargetTest {

  @ParameterizedTest
  @ValueSource(
      strings = {"profile", "user_metadata", "custom_data", "app_metadata", "org.acme", "org.*"})
  void theNamespacesUsersAndAdminsWriteTakeASchema(String name) {
    assertThat(SchemaTarget.parse(name)).map(SchemaTarget::name).contains(name);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "status",
        "idp.google",
        "org",
        "org.",
        "org.a.b",
        "org.**",
        "Custom_Data",
        "",
        "x"
      })
  void bookkeepingRawProviderDataAndNonsenseTakeNone(String name) {
    assertThat(SchemaTarget.parse(name)).isEmpty();
  }

  @Test
  void anOrganizationsDataMeetsTheSchemaForAllThenItsOwn() {
    assertThat(SchemaTarget.governing(Namespace.org("acme")))
        .extracting(SchemaTarget::name)
        .containsExactly("org.*", "org.acme");
  }

  @Test
  void statusAndProviderDataAreGovernedByNone() {
    assertThat(SchemaTarget.governing(Namespace.STATUS)).isEmpty();
    assertThat(SchemaTarget.governing(Namespace.idp("google"))).isEmpty();
  }
}

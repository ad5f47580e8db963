package io.kcuserdata.admin.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RecordFieldsTest {

  @Test
  void everyFieldIsListedInWritingOrderIdentityThenNamespacesThenRelations() {
    assertThat(RecordFields.all())
        .containsExactly(
            "id",
            "username",
            "first_name",
            "last_name",
            "email",
            "email_verified",
            "enabled",
            "created_at",
            "profile",
            "user_metadata",
            "custom_data",
            "app_metadata",
            "idp",
            "org",
            "status",
            "federated_identities",
            "realm_roles",
            "client_roles",
            "groups",
            "organizations",
            "credentials",
            "required_actions");
  }

  @Test
  void theListsCannotBeChangedByCallers() {
    assertThatThrownBy(() -> RecordFields.IDENTITY.add("x"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> RecordFields.RELATIONS.add("x"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void eachCallAnswersAFreshListSoOneCallerCannotChangeAnother() {
    RecordFields.all().add("password");

    assertThat(RecordFields.all()).doesNotContain("password");
  }
}

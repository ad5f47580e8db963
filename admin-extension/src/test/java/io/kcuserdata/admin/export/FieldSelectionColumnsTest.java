package io.kcuserdata.admin.export;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@link FieldSelection#keepsColumn}: which CSV columns a {@code fields=} selection keeps. */
class FieldSelectionColumnsTest {

  @Test
  void everyColumnIsKeptWhenAllIsSelected() {
    assertThat(FieldSelection.all().keepsColumn("anything.at.all")).isTrue();
  }

  @Test
  void theIdColumnIsAlwaysKept() {
    assertThat(FieldSelection.parse("email").keepsColumn("id")).isTrue();
  }

  @Test
  void aColumnNamedByTheSelectionIsKept() {
    assertThat(FieldSelection.parse("email").keepsColumn("email")).isTrue();
    assertThat(FieldSelection.parse("email").keepsColumn("username")).isFalse();
  }

  @Test
  void theColumnsOfASelectedNamespaceAreKept() {
    FieldSelection fields = FieldSelection.parse("idp");

    assertThat(fields.keepsColumn("idp.github.login")).isTrue();
    assertThat(fields.keepsColumn("profile.given_name")).isFalse();
  }

  @Test
  void aColumnHoldingASelectedDeeperPathIsKept() {
    assertThat(FieldSelection.parse("custom_data.address.city").keepsColumn("custom_data.address"))
        .isTrue();
  }

  @Test
  void aSelectionOnlyMatchesWholeSegments() {
    assertThat(FieldSelection.parse("org").keepsColumn("organizations")).isFalse();
    assertThat(FieldSelection.parse("custom_data.plan").keepsColumn("custom_data.plans")).isFalse();
    assertThat(FieldSelection.parse("idp.git").keepsColumn("idp.github.login")).isFalse();
  }
}

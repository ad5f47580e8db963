package io.kcuserdata.themes.progressive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kcuserdata.core.namespace.Namespace;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CollectedAttributeTest {

  @Nested
  class NamespacedData {

    @ParameterizedTest
    @ValueSource(
        strings = {
          "middle_name",
          "nickname",
          "profile",
          "website",
          "picture",
          "gender",
          "birthdate",
          "zoneinfo",
          "locale",
          "address"
        })
    void profileAcceptsEachOidcStandardClaim(String claim) {
      CollectedAttribute attribute = CollectedAttribute.parse("profile." + claim);

      assertThat(attribute.namespaced()).isTrue();
      assertThat(attribute.name()).isEqualTo("profile." + claim);
      assertThat(attribute.data().namespace()).isEqualTo(Namespace.PROFILE);
      assertThat(attribute.data().key()).isEqualTo(claim);
    }

    @Test
    void profileRefusesAKeyThatIsNotAStandardClaim() {
      assertThatThrownBy(() -> CollectedAttribute.parse("profile.favourite_colour"))
          .isInstanceOf(InvalidSettingException.class)
          .hasMessageContaining("'profile.favourite_colour'")
          .hasMessageContaining("only the OIDC standard claims");
    }

    @Test
    void userMetadataAcceptsAnyWellFormedKey() {
      CollectedAttribute attribute = CollectedAttribute.parse("user_metadata.preferred_team");

      assertThat(attribute.namespaced()).isTrue();
      assertThat(attribute.data().namespace()).isEqualTo(Namespace.USER_METADATA);
      assertThat(attribute.data().key()).isEqualTo("preferred_team");
    }

    @ParameterizedTest
    @ValueSource(strings = {"user_metadata._json", "user_metadata.1st", "user_metadata.a.b"})
    void refusesAKeyTheContractDoesNotAllow(String name) {
      assertThatThrownBy(() -> CollectedAttribute.parse(name))
          .isInstanceOf(InvalidSettingException.class)
          .hasMessageContaining("'" + name + "' needs a key that matches");
    }

    @Test
    void refusesANamespaceWithoutAKey() {
      assertThatThrownBy(() -> CollectedAttribute.parse("profile."))
          .isInstanceOf(InvalidSettingException.class)
          .hasMessageContaining("needs a key");
    }
  }

  @Nested
  class NamespacesTheUserMayNotWrite {

    @ParameterizedTest
    @ValueSource(
        strings = {
          "custom_data.plan",
          "app_metadata.tier",
          "status.last_login",
          "idp.google.sub",
          "org.acme.department"
        })
    void refusesANamespaceTheUserMayNotWrite(String name) {
      assertThatThrownBy(() -> CollectedAttribute.parse(name))
          .isInstanceOfSatisfying(
              InvalidSettingException.class,
              e -> assertThat(e.setting()).isEqualTo(ProgressiveProfileSettings.ATTRIBUTES))
          .hasMessageContaining("'" + name + "'")
          .hasMessageContaining("users may not write");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Profile.nickname", "USER_METADATA.lang", "App_Metadata.tier"})
    void refusesANamespaceSpelledInAnotherCase(String name) {
      assertThatThrownBy(() -> CollectedAttribute.parse(name))
          .isInstanceOf(InvalidSettingException.class)
          .hasMessageContaining("'" + name + "' is spelled like namespace")
          .hasMessageContaining("lower case");
    }

    @Test
    void namesTheNamespaceKindItRefuses() {
      assertThatThrownBy(() -> CollectedAttribute.parse("idp.google.sub"))
          .hasMessageContaining("is in idp,");
    }
  }

  @Nested
  class DeclaredAttributes {

    @ParameterizedTest
    @ValueSource(strings = {"phone", "firstName", "company-name", "x_1", "my.custom.attr"})
    void aNameOutsideThePacksNamespacesIsADeclaredAttribute(String name) {
      CollectedAttribute attribute = CollectedAttribute.parse(name);

      assertThat(attribute.name()).isEqualTo(name);
      assertThat(attribute.namespaced()).isFalse();
      assertThat(attribute.data()).isNull();
    }

    @Test
    void theNameIsTrimmed() {
      assertThat(CollectedAttribute.parse("  phone\t").name()).isEqualTo("phone");
    }

    @Test
    void aNameMayHoldUpTo255Characters() {
      assertThat(CollectedAttribute.parse("a".repeat(255)).name()).hasSize(255);
    }
  }

  @Nested
  class BadNames {

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "phone number", "téléphone", "a/b", "a$", "<script>"})
    void refusesWhatIsNotAnAttributeName(String name) {
      assertThatThrownBy(() -> CollectedAttribute.parse(name))
          .isInstanceOfSatisfying(
              InvalidSettingException.class,
              e -> assertThat(e.setting()).isEqualTo(ProgressiveProfileSettings.ATTRIBUTES))
          .hasMessageContaining("is not an attribute name");
    }

    @Test
    void refusesANameLongerThan255Characters() {
      assertThatThrownBy(() -> CollectedAttribute.parse("a".repeat(256)))
          .isInstanceOf(InvalidSettingException.class)
          .hasMessageContaining("is not an attribute name");
    }

    @Test
    void quotesAtMostFortyCharactersOfALongBadName() {
      String pasted = "b".repeat(40) + " and then a long pasted blob";

      assertThatThrownBy(() -> CollectedAttribute.parse(pasted))
          .hasMessageContaining("'" + "b".repeat(40) + "…'")
          .hasMessageNotContaining("pasted blob");
    }
  }
}

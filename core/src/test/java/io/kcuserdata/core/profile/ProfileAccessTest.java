package io.kcuserdata.core.profile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProfileAccessTest {

  @Nested
  class ExactNames {

    @Test
    void aUserEditsDeclaredProfileAndUserMetadataOnly() {
      assertThat(ProfileAccess.canEdit("user_metadata.lang", false, true)).isTrue();
      assertThat(ProfileAccess.canEdit("profile.nickname", false, true)).isTrue();
      assertThat(ProfileAccess.canEdit("user_metadata.lang", false, false)).isFalse();
      assertThat(ProfileAccess.canEdit("custom_data.plan", false, true)).isFalse();
      assertThat(ProfileAccess.canEdit("app_metadata.tier", false, true)).isFalse();
    }

    @Test
    void anAdminReadsEveryNamespaceButWritesNoneOnKeycloaksPaths() {
      assertThat(ProfileAccess.canView("app_metadata.tier", true)).isTrue();
      assertThat(ProfileAccess.canEdit("app_metadata.tier", true, true)).isFalse();
      assertThat(ProfileAccess.canEdit("user_metadata.lang", true, true)).isFalse();
    }

    @Test
    void aUserNeverSeesAppMetadataStatusOrMarkers() {
      assertThat(ProfileAccess.canView("app_metadata.tier", false)).isFalse();
      assertThat(ProfileAccess.canView("status.login_count", false)).isFalse();
      assertThat(ProfileAccess.canView("custom_data._json", false)).isFalse();
      assertThat(ProfileAccess.canView("custom_data.plan", false)).isTrue();
    }

    @Test
    void attributesOutsideTheNamespacesAreKeycloaks() {
      assertThat(ProfileAccess.governs("firstName")).isFalse();
      assertThat(ProfileAccess.canView("favourite.colour", false)).isTrue();
      assertThat(ProfileAccess.canEdit("favourite.colour", false, false)).isTrue();
    }
  }

  @Nested
  class Lookalikes {

    @ParameterizedTest
    @ValueSource(
        strings = {
          "App_Metadata.role",
          "APP_METADATA.role",
          "äpp_metadata.role",
          "\uFF41pp_metadata.role",
          "app_metadata\uFF0Erole",
          "\u0430pp_metadata.role",
          "Status.login_count",
          "STATUS.suspended_at"
        })
    void ofHiddenNamespacesAreGovernedAndHiddenFromTheUser(String attribute) {
      assertThat(ProfileAccess.governs(attribute)).isTrue();
      assertThat(ProfileAccess.canView(attribute, false)).isFalse();
      assertThat(ProfileAccess.canView(attribute, true)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "App_Metadata.role",
          "Profile.nickname",
          "User_Metadata.lang",
          "üser_metadata.lang",
          "\uFF50rofile.nickname",
          "Custom_Data.plan",
          "IDP.google.sub"
        })
    void areWrittenByNobodyEvenWhenDeclared(String attribute) {
      assertThat(ProfileAccess.canEdit(attribute, false, true)).isFalse();
      assertThat(ProfileAccess.canEdit(attribute, false, false)).isFalse();
      assertThat(ProfileAccess.canEdit(attribute, true, true)).isFalse();
      assertThat(ProfileAccess.canEdit(attribute, true, false)).isFalse();
    }

    @Test
    void ofReadableNamespacesAreReadAsThatNamespace() {
      assertThat(ProfileAccess.canView("Profile.nickname", false)).isTrue();
      assertThat(ProfileAccess.canView("Custom_Data.plan", false)).isTrue();
      assertThat(ProfileAccess.canView("Custom_Data._json", false)).isFalse();
    }
  }
}

package io.kcuserdata.core.namespace;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LookalikeNamesTest {

  @Nested
  class ANameThatFoldsToANamespace {

    @ParameterizedTest(name = "{0} is app_metadata")
    @ValueSource(
        strings = {
          "App_Metadata.role",
          "APP_METADATA.role",
          "app_Metadata.role",
          "äpp_metadata.role", // a with diaeresis, precomposed
          "a\u0308pp_metadata.role", // a followed by a combining diaeresis
          "ápp_métadatà.role",
          "\uFF41pp_metadata.role", // fullwidth a
          "\uFF21\uFF30\uFF30_METADATA.role", // fullwidth capitals
          "app\uFF3Fmetadata.role", // fullwidth low line
          "app_metadata\uFF0Erole", // fullwidth full stop
          "\u0430pp_metadata.role", // Cyrillic a
          "\u0410PP_METADATA.role", // Cyrillic capital A
          "\u03B1pp_metadata.role", // Greek alpha
          "app_met\u0430d\u0430t\u0430.role", // Cyrillic a thrice
          "app_metad\u200Bata.role", // zero-width space
          "app_meta\u00ADdata.role", // soft hyphen
          "app_\u2060metadata.role", // word joiner
          "\uD835\uDC1App_metadata.role", // mathematical bold a
          "\u24D0pp_metadata.role", // circled a
          "app_metad\u0251ta.role", // Latin alpha
        })
    void isGovernedAsThatNamespace(String attribute) {
      assertThat(LookalikeNames.governingNamespace(attribute)).contains(Namespace.APP_METADATA);
      assertThat(LookalikeNames.isLookalike(attribute)).isTrue();
      assertThat(LookalikeNames.parseFolded(attribute))
          .contains(new AttributeName(Namespace.APP_METADATA, "role"));
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
      "Profile.nickname, profile",
      "PROFİLE.nickname, profile", // dotted capital I
      "pro\u0066\u0456le.nickname, profile", // Cyrillic i
      "pro\uFB01le.nickname, profile", // the fi ligature
      "User_Metadata.lang, user_metadata",
      "ùser_metadata.lang, user_metadata",
      "Custom_Data.plan, custom_data",
      "cu\u017Ftom_data.plan, custom_data", // long s
      "Status.login_count, status",
      "\u0455tatus.login_count, status", // Cyrillic dze
      "STATUS.login_count, status",
      "IDP.google.sub, idp.google",
      "idp.googlé.sub, idp.google",
      "Org.acme.department, org.acme",
      "ORG.acme.department, org.acme",
      "\u043Erg.acme.department, org.acme", // Cyrillic o
    })
    void isGovernedAsTheNamespaceItFoldsTo(String attribute, String namespace) {
      assertThat(LookalikeNames.governingNamespace(attribute)).contains(Namespace.parse(namespace));
      assertThat(LookalikeNames.isLookalike(attribute)).isTrue();
    }

    @Test
    void keepsItsKeyAsTheFoldedKey() {
      assertThat(LookalikeNames.parseFolded("App_Metadata.Tier"))
          .contains(new AttributeName(Namespace.APP_METADATA, "tier"));
    }

    @Test
    void isGovernedEvenWhenWhatFollowsIsNoKey() {
      assertThat(LookalikeNames.governingNamespace("App_Metadata._json"))
          .contains(Namespace.APP_METADATA);
      assertThat(LookalikeNames.parseFolded("App_Metadata._json")).isEmpty();
    }
  }

  @Nested
  class AnExactName {

    @ParameterizedTest
    @ValueSource(
        strings = {
          "app_metadata.role",
          "app_metadata.Role",
          "profile.nickname",
          "idp.Google.sub",
          "org.ACME.department",
          "status._json"
        })
    void isItsOwnNamespaceAndNoLookalike(String attribute) {
      assertThat(LookalikeNames.governingNamespace(attribute))
          .isEqualTo(AttributeName.namespaceOf(attribute))
          .isPresent();
      assertThat(LookalikeNames.isLookalike(attribute)).isFalse();
    }
  }

  @Nested
  class AnUnrelatedName {

    @ParameterizedTest
    @ValueSource(
        strings = {
          "firstName",
          "favourite.colour",
          "appmetadata.role",
          "app-metadata.role",
          "app_metadata",
          "App_Metadata",
          "application.role",
          "Statuses.x",
          "idp",
          "идп.google.sub",
          "profile",
          "東京.x",
          ""
        })
    void isNotGoverned(String attribute) {
      assertThat(LookalikeNames.governingNamespace(attribute)).isEmpty();
      assertThat(LookalikeNames.isLookalike(attribute)).isFalse();
    }
  }

  @Nested
  class Folding {

    @Test
    void leavesPlainLowerCaseAsciiAsItIs() {
      String name = "custom_data.plan";

      assertThat(LookalikeNames.fold(name)).isSameAs(name);
    }

    @Test
    void lowerCasesRemovesAccentsAndInvisibleCharacters() {
      assertThat(LookalikeNames.fold("Ä\u200Bb\u0301C")).isEqualTo("abc");
    }

    @Test
    void expandsLettersThatCollationsExpand() {
      assertThat(LookalikeNames.fold("Straße Æther Œuvre")).isEqualTo("strasse aether oeuvre");
    }

    @Test
    void mapsFullwidthAndMathematicalFormsToAscii() {
      assertThat(LookalikeNames.fold("\uFF33\uFF54\uFF41\uFF54\uFF55\uFF53\uFF0E\uD835\uDC31"))
          .isEqualTo("status.x");
    }
  }
}

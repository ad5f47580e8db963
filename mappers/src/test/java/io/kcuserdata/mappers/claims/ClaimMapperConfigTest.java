package io.kcuserdata.mappers.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.kcuserdata.core.namespace.Namespace;
import java.text.MessageFormat;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.keycloak.protocol.ProtocolMapperConfigException;

class ClaimMapperConfigTest {

  static ClaimMapperConfig parse(String namespace, String keys, String claimName)
      throws ProtocolMapperConfigException {
    Map<String, String> config = new HashMap<>();
    config.put("namespace", namespace);
    config.put("keys", keys);
    config.put("claim.name", claimName);
    return ClaimMapperConfig.parse(config);
  }

  static ClaimMapperConfig namespace(String namespace) throws ProtocolMapperConfigException {
    return parse(namespace, null, null);
  }

  @Nested
  class NamespaceOption {

    @ParameterizedTest
    @ValueSource(
        strings = {
          "profile",
          "user_metadata",
          "custom_data",
          "app_metadata",
          "idp.google",
          "org.acme",
          "idp.my-idp_2"
        })
    void theUserVisibleNamespacesAndAppMetadataAreAccepted(String name) throws Exception {
      assertThat(namespace(name).target())
          .isEqualTo(new NamespaceTarget.Named(Namespace.parse(name)));
    }

    @Test
    void orgAloneMeansTheOrganizationTheTokenIsIssuedFor() throws Exception {
      assertThat(namespace("org").target()).isEqualTo(new NamespaceTarget.TokenOrganization());
    }

    @Test
    void surroundingSpacesAreIgnored() throws Exception {
      assertThat(namespace("  custom_data ").target())
          .isEqualTo(new NamespaceTarget.Named(Namespace.CUSTOM_DATA));
    }

    @ParameterizedTest
    @ValueSource(strings = {"status", "status.last_login_at", "status.x"})
    void theInternalStatusNamespaceIsRefused(String name) {
      assertThatThrownBy(() -> namespace(name)).hasMessageContaining("status namespace");
    }

    @Test
    void aMissingNamespaceIsRefusedListingTheChoices() {
      assertThatThrownBy(() -> ClaimMapperConfig.parse(Map.of()))
          .isInstanceOf(ProtocolMapperConfigException.class)
          .hasMessageContaining("required")
          .hasMessageContaining("custom_data");
      assertThatThrownBy(() -> namespace("   ")).hasMessageContaining("required");
    }

    @ParameterizedTest
    @ValueSource(strings = {"customdata", "idps.google", "Profile", "orgs", "idp_google"})
    void anUnknownNamespaceIsRefused(String name) {
      assertThatThrownBy(() -> namespace(name)).hasMessageContaining("Unknown namespace");
    }

    @Test
    void aKeyInPlaceOfANamespacePointsToTheKeysOption() {
      assertThatThrownBy(() -> namespace("custom_data.plan"))
          .hasMessageContaining("names a key")
          .hasMessageContaining("Keys");
    }

    @Test
    void idpNeedsAnAlias() {
      assertThatThrownBy(() -> namespace("idp")).hasMessageContaining("idp.<alias>");
    }

    @ParameterizedTest
    @ValueSource(strings = {"idp.", "org.", "idp.a.b", "org.-acme", "idp.goo gle", "org.a/b"})
    void aMalformedAliasIsRefused(String name) {
      assertThatThrownBy(() -> namespace(name)).hasMessageContaining("Malformed alias");
    }

    @Test
    void anAliasHoldsAtMostOneHundredCharacters() throws Exception {
      assertThat(namespace("org." + "a".repeat(100)).target())
          .isInstanceOf(NamespaceTarget.Named.class);
      assertThatThrownBy(() -> namespace("org." + "a".repeat(101)))
          .hasMessageContaining("Malformed alias");
    }
  }

  @Nested
  class KeysOption {

    @Test
    void emptyOrAbsentMeansEveryKey() throws Exception {
      assertThat(parse("custom_data", null, null).keys()).isEmpty();
      assertThat(parse("custom_data", "", null).keys()).isEmpty();
      assertThat(parse("custom_data", " , ,", null).keys()).isEmpty();
    }

    @Test
    void keysAreTrimmedAndKeptInTheOrderWrittenEachOnce() throws Exception {
      assertThat(parse("custom_data", " plan, company_size ,plan,,e-mail", null).keys())
          .containsExactly("plan", "company_size", "e-mail");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1plan", "_json", "plan.tier", "pl an", "-x", "prix€"})
    void aKeyBreakingTheKeyRuleIsRefusedByName(String key) {
      assertThatThrownBy(() -> parse("custom_data", "plan," + key, null))
          .hasMessageContaining("Keys")
          .hasMessageContaining("not a valid key");
    }

    @Test
    void aKeyHoldsAtMostSixtyFourCharacters() throws Exception {
      assertThat(parse("custom_data", "k".repeat(64), null).keys()).hasSize(1);
      assertThatThrownBy(() -> parse("custom_data", "k".repeat(65), null))
          .hasMessageContaining("not a valid key");
    }
  }

  @Nested
  class ClaimNameOption {

    @Test
    void emptyMeansTheNamespaceName() throws Exception {
      assertThat(parse("custom_data", null, null).claimName()).isEqualTo("custom_data");
      assertThat(parse("custom_data", null, "  ").claimName()).isEqualTo("custom_data");
      assertThat(parse("idp.google", null, "").claimName()).isEqualTo("idp.google");
    }

    @Test
    void emptyForTheTokensOrganizationMeansOrg() throws Exception {
      assertThat(parse("org", null, null).claimName()).isEqualTo("org");
    }

    @Test
    void aGivenNameIsTrimmed() throws Exception {
      assertThat(parse("custom_data", null, " billing.data ").claimName())
          .isEqualTo("billing.data");
    }

    @ParameterizedTest
    @ValueSource(strings = {".", "...", " .. "})
    void aNameOfOnlyDotsIsRefused(String name) {
      assertThatThrownBy(() -> parse("custom_data", null, name)).hasMessageContaining("only dots");
    }

    @ParameterizedTest
    @ValueSource(strings = {".a", "a.", "a..b"})
    void aNameWithAnEmptyPartIsRefused(String name) {
      assertThatThrownBy(() -> parse("custom_data", null, name)).hasMessageContaining("empty part");
    }

    @Test
    void aTrailingBackslashIsRefused() {
      assertThatThrownBy(() -> parse("custom_data", null, "data\\"))
          .hasMessageContaining("backslash");
    }

    @Test
    void anEscapedDotIsPartOfOneName() throws Exception {
      assertThat(ClaimNames.path(parse("custom_data", null, "a\\.b.c").claimName()))
          .containsExactly("a.b", "c");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sub", "aud", "iss", "exp", "scope", "realm_access", "sub.data"})
    void claimsTheServerSetsAreRefused(String name) {
      assertThatThrownBy(() -> parse("custom_data", null, name))
          .hasMessageContaining("server sets");
    }

    @Test
    void aNameLongerThan255CharactersIsRefused() {
      assertThatThrownBy(() -> parse("custom_data", null, "c".repeat(256)))
          .hasMessageContaining("longer than 255");
    }

    @Test
    void aControlCharacterIsRefused() {
      assertThatThrownBy(() -> parse("custom_data", null, "a\nb"))
          .hasMessageContaining("control character");
    }
  }

  @Nested
  class Messages {

    @ParameterizedTest
    @ValueSource(strings = {"it's", "{0}", "a{b}c", "x'y{", "'"})
    void anAdminsValueSurvivesKeycloaksMessageFormatting(String value) {
      for (String[] config :
          new String[][] {{value, null, null}, {"custom_data", value, null}, {"org." + value}}) {
        ProtocolMapperConfigException e =
            catchThrowableOfType(
                ProtocolMapperConfigException.class,
                () -> parse(config[0], config.length > 1 ? config[1] : null, null));
        assertThat(e).isNotNull();
        // What ProtocolMappersResource does with a refusal when the key is not in its bundle.
        assertThat(MessageFormat.format(e.getMessage(), e.getParameters()))
            .isEqualTo(e.getMessage());
        assertThat(e.getMessageKey()).isEqualTo(ConfigProblems.MESSAGE_KEY);
      }
    }

    @Test
    void aLongValueIsShortenedInTheMessage() {
      assertThat(ConfigProblems.shown("x".repeat(200))).hasSize(80 + 5);
    }
  }
}

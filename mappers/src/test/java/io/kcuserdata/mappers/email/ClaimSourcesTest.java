package io.kcuserdata.mappers.email;

import static io.kcuserdata.mappers.email.VerifiedClaimTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.kcuserdata.mappers.broker.ClaimSources;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.keycloak.broker.oidc.OIDCIdentityProvider;
import org.keycloak.representations.IDToken;
import org.keycloak.representations.JsonWebToken;

/**
 * Where Keycloak leaves each provider's claims, and what each claim set asserts from there: its
 * address and its own verified flag.
 */
class ClaimSourcesTest {

  private static List<AddressAssertion> assertions(Map<String, Object> contextData, String claim) {
    return VerifiedClaim.parse(claim).assertions(ClaimSources.of(contextData));
  }

  private static List<AddressAssertion> emailVerified(Map<String, Object> contextData) {
    return assertions(contextData, "email_verified");
  }

  private static AddressAssertion says(String address, VerifiedFlag flag) {
    return new AddressAssertion(address, flag);
  }

  private static Map<String, Object> with(String key, Object value) {
    Map<String, Object> data = new HashMap<>();
    data.put(key, value);
    return data;
  }

  private static JsonWebToken token(Map<String, Object> claims) {
    JsonWebToken token = new JsonWebToken();
    claims.forEach(token::setOtherClaims);
    return token;
  }

  @Nested
  class OidcTokens {

    @Test
    void theValidatedIdTokenKeepsItsAddressAndFlagAmongItsOtherClaims() {
      Map<String, Object> data =
          with(
              OIDCIdentityProvider.VALIDATED_ID_TOKEN,
              token(Map.of("email", "a@example.com", "email_verified", true)));

      assertThat(emailVerified(data)).containsExactly(says("a@example.com", VerifiedFlag.TRUE));
    }

    @Test
    void aTypedIdTokenKeepsThemInFieldsAndIsReadAllTheSame() {
      IDToken idToken = new IDToken();
      idToken.setEmail("a@example.com");
      idToken.setEmailVerified(false);

      assertThat(emailVerified(with(OIDCIdentityProvider.VALIDATED_ID_TOKEN, idToken)))
          .containsExactly(says("a@example.com", VerifiedFlag.FALSE));
    }

    @Test
    void theValidatedAccessTokenIsReadToo() {
      Map<String, Object> data =
          with(
              OIDCIdentityProvider.VALIDATED_ACCESS_TOKEN,
              token(Map.of("email", "a@example.com", "email_verified", "true")));

      assertThat(emailVerified(data)).containsExactly(says("a@example.com", VerifiedFlag.TRUE));
    }

    @Test
    void anIdTokenInCompactFormIsReadAsKeycloaksClaimMappersDo() {
      String payload =
          Base64.getUrlEncoder()
              .withoutPadding()
              .encodeToString(
                  "{\"email\":\"a@example.com\",\"email_verified\":true}"
                      .getBytes(StandardCharsets.UTF_8));
      String compact = "eyJhbGciOiJub25lIn0." + payload + ".";

      assertThat(emailVerified(with(OIDCIdentityProvider.VALIDATED_ID_TOKEN, compact)))
          .containsExactly(says("a@example.com", VerifiedFlag.TRUE));
    }

    @Test
    void anUnreadableCompactTokenHasNoSay() {
      assertThat(emailVerified(with(OIDCIdentityProvider.VALIDATED_ID_TOKEN, "not a jwt")))
          .isEmpty();
    }

    @Test
    void theIdTokenAndUserinfoEachKeepTheirOwnAddressAndFlag() {
      Map<String, Object> data =
          with(
              OIDCIdentityProvider.VALIDATED_ID_TOKEN,
              token(Map.of("email", "mallory@upstream.test", "email_verified", true)));
      data.put(OIDCIdentityProvider.USER_INFO, json("{\"email\":\"victim@example.test\"}"));

      assertThat(emailVerified(data))
          .containsExactly(
              says("mallory@upstream.test", VerifiedFlag.TRUE),
              says("victim@example.test", VerifiedFlag.MISSING));
    }

    @Test
    void entraIdCarriesNoEmailVerifiedButCanBeReadThroughItsOptionalXmsEdovClaim() {
      Map<String, Object> data =
          with(
              OIDCIdentityProvider.VALIDATED_ID_TOKEN,
              token(
                  Map.of(
                      "email", "adele@contoso.com",
                      "preferred_username", "adele@contoso.com",
                      "tid", "72f988bf-86f1-41af-91ab-2d7cd011db47",
                      "xms_edov", true)));

      assertThat(emailVerified(data))
          .containsExactly(says("adele@contoso.com", VerifiedFlag.MISSING));
      assertThat(assertions(data, "xms_edov"))
          .containsExactly(says("adele@contoso.com", VerifiedFlag.TRUE));
    }

    @Test
    void aNestedClaimInATokenIsFoundByItsPath() {
      Map<String, Object> data =
          with(
              OIDCIdentityProvider.VALIDATED_ID_TOKEN,
              token(Map.of("email", "a@example.com", "ext", Map.of("mail_verified", true))));

      assertThat(assertions(data, "ext.mail_verified"))
          .containsExactly(says("a@example.com", VerifiedFlag.TRUE));
    }
  }

  @Nested
  class SocialProfileJson {

    @Test
    void gitHubUserCarriesNoVerifiedFlagSoItsAddressIsNeverVerifiedByClaim() {
      Map<String, Object> data =
          with(
              OIDCIdentityProvider.USER_INFO,
              json(
                  "{\"login\":\"octocat\",\"id\":1,\"node_id\":\"MDQ6VXNlcjE=\",\"type\":\"User\","
                      + "\"site_admin\":false,\"name\":\"monalisa octocat\","
                      + "\"email\":\"octocat@github.com\",\"hireable\":false,"
                      + "\"two_factor_authentication\":true,"
                      + "\"plan\":{\"name\":\"Medium\",\"private_repos\":20}}"));

      assertThat(emailVerified(data))
          .containsExactly(says("octocat@github.com", VerifiedFlag.MISSING));
    }

    @Test
    void googleUserinfoCarriesABooleanEmailVerified() {
      Map<String, Object> data =
          with(
              OIDCIdentityProvider.USER_INFO,
              json(
                  "{\"sub\":\"110169484474386276334\",\"name\":\"Jane Doe\","
                      + "\"given_name\":\"Jane\",\"family_name\":\"Doe\","
                      + "\"email\":\"jane@example.com\",\"email_verified\":true,"
                      + "\"locale\":\"en\",\"hd\":\"example.com\"}"));

      assertThat(emailVerified(data)).containsExactly(says("jane@example.com", VerifiedFlag.TRUE));
    }

    @Test
    void googleUserinfoSayingFalseIsFalse() {
      Map<String, Object> data =
          with(
              OIDCIdentityProvider.USER_INFO,
              json("{\"sub\":\"1\",\"email\":\"jane@example.com\",\"email_verified\":false}"));

      assertThat(emailVerified(data)).containsExactly(says("jane@example.com", VerifiedFlag.FALSE));
    }

    @Test
    void microsoftGraphMeCarriesNoVerifiedFlagForItsMutableMailAttribute() {
      Map<String, Object> data =
          with(
              OIDCIdentityProvider.USER_INFO,
              json(
                  "{\"@odata.context\":\"https://graph.microsoft.com/v1.0/$metadata#users/$entity\","
                      + "\"businessPhones\":[],\"displayName\":\"Adele Vance\","
                      + "\"givenName\":\"Adele\",\"jobTitle\":\"Retail Manager\","
                      + "\"mail\":\"AdeleV@contoso.com\",\"mobilePhone\":null,"
                      + "\"preferredLanguage\":\"en-US\",\"surname\":\"Vance\","
                      + "\"userPrincipalName\":\"AdeleV@contoso.com\","
                      + "\"id\":\"87d349ed-44d7-43e1-9a83-5f2406dee5bd\"}"));

      // Graph's address is in "mail", and it carries no flag: nothing is asserted for it.
      assertThat(emailVerified(data)).containsExactly(says(null, VerifiedFlag.MISSING));
    }
  }

  @Nested
  class NothingToRead {

    @Test
    void aSamlLoginOrAnEmptyContextHasNoClaimSets() {
      assertThat(ClaimSources.of(Map.of())).isEmpty();
      assertThat(ClaimSources.of(with(OIDCIdentityProvider.USER_INFO, 42))).isEmpty();
    }
  }
}

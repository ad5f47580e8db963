package io.kcuserdata.mappers.email;

import static io.kcuserdata.mappers.email.VerifiedClaimTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.kcuserdata.mappers.broker.ClaimSources;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.keycloak.broker.oidc.OIDCIdentityProvider;
import org.keycloak.representations.IDToken;
import org.keycloak.representations.JsonWebToken;

/** Where Keycloak leaves each provider's claims, and what the verified flag reads from there. */
class ClaimSourcesTest {

  private static VerifiedFlag flag(Map<String, Object> contextData, String claim) {
    return VerifiedClaim.parse(claim).read(ClaimSources.of(contextData));
  }

  private static VerifiedFlag emailVerified(Map<String, Object> contextData) {
    return flag(contextData, "email_verified");
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
    void theValidatedIdTokenKeepsEmailVerifiedAmongItsOtherClaims() {
      Map<String, Object> data =
          with(OIDCIdentityProvider.VALIDATED_ID_TOKEN, token(Map.of("email_verified", true)));

      assertThat(emailVerified(data)).isEqualTo(VerifiedFlag.TRUE);
    }

    @Test
    void aTypedIdTokenKeepsItInAFieldAndIsReadAllTheSame() {
      IDToken idToken = new IDToken();
      idToken.setEmailVerified(false);

      assertThat(emailVerified(with(OIDCIdentityProvider.VALIDATED_ID_TOKEN, idToken)))
          .isEqualTo(VerifiedFlag.FALSE);
    }

    @Test
    void theValidatedAccessTokenIsReadToo() {
      Map<String, Object> data =
          with(
              OIDCIdentityProvider.VALIDATED_ACCESS_TOKEN, token(Map.of("email_verified", "true")));

      assertThat(emailVerified(data)).isEqualTo(VerifiedFlag.TRUE);
    }

    @Test
    void anIdTokenInCompactFormIsReadAsKeycloaksClaimMappersDo() {
      String payload =
          Base64.getUrlEncoder()
              .withoutPadding()
              .encodeToString("{\"email_verified\":true}".getBytes(StandardCharsets.UTF_8));
      String compact = "eyJhbGciOiJub25lIn0." + payload + ".";

      assertThat(emailVerified(with(OIDCIdentityProvider.VALIDATED_ID_TOKEN, compact)))
          .isEqualTo(VerifiedFlag.TRUE);
    }

    @Test
    void anUnreadableCompactTokenHasNoSay() {
      assertThat(emailVerified(with(OIDCIdentityProvider.VALIDATED_ID_TOKEN, "not a jwt")))
          .isEqualTo(VerifiedFlag.MISSING);
    }

    @Test
    void userinfoSayingFalseOverridesAnIdTokenSayingTrue() {
      Map<String, Object> data =
          with(OIDCIdentityProvider.VALIDATED_ID_TOKEN, token(Map.of("email_verified", true)));
      data.put(OIDCIdentityProvider.USER_INFO, json("{\"email_verified\":false}"));

      assertThat(emailVerified(data)).isEqualTo(VerifiedFlag.FALSE);
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

      assertThat(emailVerified(data)).isEqualTo(VerifiedFlag.MISSING);
      assertThat(flag(data, "xms_edov")).isEqualTo(VerifiedFlag.TRUE);
    }

    @Test
    void aNestedClaimInATokenIsFoundByItsPath() {
      Map<String, Object> data =
          with(
              OIDCIdentityProvider.VALIDATED_ID_TOKEN,
              token(Map.of("ext", Map.of("mail_verified", true))));

      assertThat(flag(data, "ext.mail_verified")).isEqualTo(VerifiedFlag.TRUE);
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

      assertThat(emailVerified(data)).isEqualTo(VerifiedFlag.MISSING);
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

      assertThat(emailVerified(data)).isEqualTo(VerifiedFlag.TRUE);
    }

    @Test
    void googleUserinfoSayingFalseIsFalse() {
      Map<String, Object> data =
          with(
              OIDCIdentityProvider.USER_INFO,
              json("{\"sub\":\"1\",\"email\":\"jane@example.com\",\"email_verified\":false}"));

      assertThat(emailVerified(data)).isEqualTo(VerifiedFlag.FALSE);
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

      assertThat(emailVerified(data)).isEqualTo(VerifiedFlag.MISSING);
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

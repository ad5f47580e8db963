package io.kcuserdata.admin.migration.sources;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kcuserdata.core.json.Json;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class LogtoUsersTest {

  private static JsonNode convert(String logto) {
    return ImportSource.LOGTO.convert(Json.parseOrNull(logto));
  }

  @Nested
  class AUserFromTheManagementApi {

    private final JsonNode line =
        convert(
            "{\"id\":\"u8x2\",\"username\":\"ann\",\"primaryEmail\":\"ann@example.test\","
                + "\"name\":\"Ann Lee\",\"avatar\":\"https://p/a.png\",\"isSuspended\":true,"
                + "\"customData\":{\"plan\":\"pro\"},"
                + "\"profile\":{\"givenName\":\"Ann\",\"familyName\":\"Lee\",\"nickname\":\"annie\","
                + "\"preferredUsername\":\"ann.lee\",\"address\":{\"country\":\"FR\"}},"
                + "\"identities\":{\"github\":{\"userId\":\"77\",\"details\":{}}},"
                + "\"passwordEncrypted\":\"$argon2i$v=19$m=4096,t=256,p=1$c2FsdHNhbHQ$aGFzaGhhc2g\","
                + "\"passwordEncryptionMethod\":\"Argon2i\"}");

    @Test
    void importsThePrimaryEmailUnverified() {
      assertThat(line.path("email").asText()).isEqualTo("ann@example.test");
      assertThat(line.path("email_verified").asBoolean(true)).isFalse();
    }

    @Test
    void aSuspendedUserIsImportedDisabled() {
      assertThat(line.path("enabled").asBoolean(true)).isFalse();
    }

    @Test
    void mapsNamesProfileAndCustomData() {
      assertThat(line.path("first_name").asText()).isEqualTo("Ann");
      assertThat(line.path("last_name").asText()).isEqualTo("Lee");
      assertThat(line.path("profile").path("name").asText()).isEqualTo("Ann Lee");
      assertThat(line.path("profile").path("picture").asText()).isEqualTo("https://p/a.png");
      assertThat(line.path("profile").path("preferred_username").asText()).isEqualTo("ann.lee");
      assertThat(line.path("profile").path("address").path("country").asText()).isEqualTo("FR");
      assertThat(line.path("custom_data").path("plan").asText()).isEqualTo("pro");
    }

    @Test
    void keepsTheLogtoIdAndIdentitiesInAppMetadata() {
      assertThat(line.path("app_metadata").path("logto_user_id").asText()).isEqualTo("u8x2");
      assertThat(line.path("app_metadata").path("logto_identities").has("github")).isTrue();
    }

    @Test
    void anArgon2HashBecomesAnArgon2PasswordHash() {
      assertThat(line.path("password_hash").path("algorithm").asText()).isEqualTo("argon2");
      assertThat(line.path("password_hash").path("value").asText()).startsWith("$argon2i$");
    }
  }

  @Nested
  class PasswordMethods {

    @Test
    void bcryptIsPassedOnAsBcrypt() {
      JsonNode line =
          convert(
              "{\"id\":\"1\",\"passwordEncrypted\":\"$2b$10$x\",\"passwordEncryptionMethod\":\"Bcrypt\"}");

      assertThat(line.path("password_hash").path("algorithm").asText()).isEqualTo("bcrypt");
    }

    @Test
    void aLegacyDigestIsPassedOnToBeRefusedWithItsName() {
      JsonNode line =
          convert(
              "{\"id\":\"1\",\"passwordEncrypted\":\"5f4dcc\",\"passwordEncryptionMethod\":\"MD5\"}");

      assertThat(line.path("password_hash").path("algorithm").asText()).isEqualTo("md5");
    }
  }

  @Test
  void theUsernameFallsBackToTheEmailThenTheId() {
    assertThat(convert("{\"id\":\"u1\",\"primaryEmail\":\"e@x.test\"}").path("username").asText())
        .isEqualTo("e@x.test");
    assertThat(convert("{\"id\":\"u1\"}").path("username").asText()).isEqualTo("u1");
  }

  @Test
  void aLineThatIsNotAnObjectIsPassedOnToBeRefused() {
    assertThat(ImportSource.LOGTO.convert(Json.parseOrNull("[1]")).isArray()).isTrue();
  }

  @Test
  void theSourceIsChosenByItsIdAndDefaultsToThePacksFormat() {
    assertThat(ImportSource.parse(null)).contains(ImportSource.KC_USERDATA);
    assertThat(ImportSource.parse("Auth0")).contains(ImportSource.AUTH0);
    assertThat(ImportSource.parse("okta")).isEmpty();
  }
}

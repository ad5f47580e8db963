package io.kcuserdata.admin.migration.sources;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kcuserdata.core.json.Json;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class Auth0UsersTest {

  private static JsonNode convert(String auth0) {
    return ImportSource.AUTH0.convert(Json.parseOrNull(auth0));
  }

  @Nested
  class AUserOfTheExportJob {

    private final JsonNode line =
        convert(
            "{\"user_id\":\"auth0|5f7c\",\"email\":\"ann@example.test\",\"email_verified\":true,"
                + "\"username\":\"ann\",\"given_name\":\"Ann\",\"family_name\":\"Lee\","
                + "\"nickname\":\"annie\",\"picture\":\"https://p/a.png\",\"blocked\":true,"
                + "\"user_metadata\":{\"theme\":\"dark\"},\"app_metadata\":{\"plan\":\"pro\"},"
                + "\"identities\":[{\"provider\":\"auth0\",\"user_id\":\"5f7c\",\"isSocial\":false}],"
                + "\"created_at\":\"2024-01-01T00:00:00.000Z\",\"logins_count\":7}");

    @Test
    void keepsIdentityFieldsUnderTheirNames() {
      assertThat(line.path("username").asText()).isEqualTo("ann");
      assertThat(line.path("email").asText()).isEqualTo("ann@example.test");
      assertThat(line.path("email_verified").asBoolean()).isTrue();
      assertThat(line.path("first_name").asText()).isEqualTo("Ann");
      assertThat(line.path("last_name").asText()).isEqualTo("Lee");
    }

    @Test
    void aBlockedUserIsImportedDisabled() {
      assertThat(line.path("enabled").asBoolean()).isFalse();
    }

    @Test
    void putsProfileClaimsUnderProfileAndKeepsBothMetadata() {
      assertThat(line.path("profile").path("nickname").asText()).isEqualTo("annie");
      assertThat(line.path("profile").path("picture").asText()).isEqualTo("https://p/a.png");
      assertThat(line.path("user_metadata").path("theme").asText()).isEqualTo("dark");
      assertThat(line.path("app_metadata").path("plan").asText()).isEqualTo("pro");
    }

    @Test
    void keepsTheAuth0IdAndIdentitiesForTheApplicationsInAppMetadata() {
      assertThat(line.path("app_metadata").path("auth0_user_id").asText()).isEqualTo("auth0|5f7c");
      assertThat(line.path("app_metadata").path("auth0_identities").get(0).path("user_id").asText())
          .isEqualTo("5f7c");
    }

    @Test
    void carriesNothingTheImportWouldNotUnderstand() {
      assertThat(line.has("created_at")).isFalse();
      assertThat(line.has("logins_count")).isFalse();
      assertThat(line.has("id")).isFalse();
    }
  }

  @Nested
  class TheUsername {

    @Test
    void fallsBackToTheEmail() {
      assertThat(
              convert("{\"user_id\":\"auth0|1\",\"email\":\"b@x.test\"}").path("username").asText())
          .isEqualTo("b@x.test");
    }

    @Test
    void fallsBackToTheAuth0IdWithoutItsPipe() {
      assertThat(convert("{\"user_id\":\"sms|42\"}").path("username").asText()).isEqualTo("sms-42");
    }

    @Test
    void isLeftOutWhenTheLineNamesNoOneSoTheImportRefusesIt() {
      for (String nobody :
          new String[] {"{}", "{\"username\":1}", "{\"user_id\":1}", "{\"email\":[]}"}) {
        assertThat(convert(nobody).has("username")).as(nobody).isFalse();
      }
    }
  }

  @Nested
  class ALineOfThePasswordHashFile {

    private final JsonNode line =
        convert(
            "{\"_id\":{\"$oid\":\"5f7c\"},\"email\":\"ann@example.test\",\"email_verified\":true,"
                + "\"passwordHash\":\"$2b$10$abcdefghijklmnopqrstuu5Ka1x0Lq8b9yYyJj5vH7vT8w6kqzQ3e\","
                + "\"connection\":\"Username-Password-Authentication\"}");

    @Test
    void becomesABcryptPasswordHash() {
      assertThat(line.path("password_hash").path("algorithm").asText()).isEqualTo("bcrypt");
      assertThat(line.path("password_hash").path("value").asText()).startsWith("$2b$10$");
    }

    @Test
    void matchesByEmailAndNeverRenamesTheUser() {
      assertThat(line.has("username")).isFalse();
      assertThat(line.path("email").asText()).isEqualTo("ann@example.test");
    }
  }
}

package io.kcuserdata.admin.delegation;

import static io.kcuserdata.admin.testing.ApiErrors.error;
import static org.assertj.core.api.Assertions.assertThat;

import io.kcuserdata.core.json.Json;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class MemberChangeTest {

  private static MemberChange parse(String body, boolean creating) {
    return MemberChange.parse(Json.parseOrNull(body), "acme", creating);
  }

  @Nested
  class AccountFields {

    @Test
    void mapToTheUserProfilesAttributeNames() {
      MemberChange change =
          parse("{\"first_name\":\" Ann \",\"last_name\":\"Lee\",\"email\":\"a@x.test\"}", false);

      assertThat(change.profile())
          .containsEntry("firstName", "Ann")
          .containsEntry("lastName", "Lee")
          .containsEntry("email", "a@x.test");
      assertThat(change.orgData()).isNull();
    }

    @Test
    void nullClearsAField() {
      assertThat(parse("{\"last_name\":null}", false).profile()).containsEntry("lastName", null);
    }

    @Test
    void theUsernameIsSetOnCreationOnly() {
      assertThat(parse("{\"username\":\"ann\"}", true).profile()).containsEntry("username", "ann");
      assertThat(error(() -> parse("{\"username\":\"ann\"}", false), 403, "forbidden"))
          .contains("'username'");
    }

    @Test
    void aNewMemberNeedsAUsername() {
      assertThat(error(() -> parse("{\"email\":\"a@x.test\"}", true), 400, "invalid_request"))
          .contains("username");
    }

    @Test
    void aFieldIsAStringOfBoundedLength() {
      assertThat(error(() -> parse("{\"email\":5}", false), 400, "invalid_request"))
          .contains("email");
      assertThat(
              error(
                  () -> parse("{\"first_name\":\"" + "x".repeat(256) + "\"}", false),
                  400,
                  "invalid_request"))
          .contains("255");
    }
  }

  @Nested
  class OrganizationData {

    @Test
    void becomesAMergePatchOfTheOwnOrganizationOnly() {
      MemberChange change = parse("{\"org\":{\"acme\":{\"team\":\"red\",\"old\":null}}}", false);

      assertThat(change.orgData().toString())
          .isEqualTo("{\"org\":{\"acme\":{\"team\":\"red\",\"old\":null}}}");
    }

    @Test
    void anotherOrganizationIsRefused() {
      assertThat(
              error(
                  () -> parse("{\"org\":{\"acme\":{},\"globex\":{\"x\":1}}}", false),
                  403,
                  "forbidden"))
          .contains("org.acme only");
    }

    @Test
    void mustBeAnObject() {
      assertThat(error(() -> parse("{\"org\":[1]}", false), 400, "invalid_request"))
          .contains("{\"acme\"");
    }
  }

  @Nested
  class EverythingElse {

    @Test
    void isRefusedByName() {
      for (String field : new String[] {"realm_roles", "app_metadata", "enabled", "custom_data"}) {
        assertThat(error(() -> parse("{\"" + field + "\":1}", false), 403, "forbidden"))
            .as(field)
            .contains("'" + field + "'");
      }
    }

    @Test
    void aBodyThatIsNotAnObjectIsRefused() {
      assertThat(error(() -> parse("[]", false), 400, "invalid_request")).contains("JSON object");
    }
  }
}

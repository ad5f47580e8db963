package io.kcuserdata.it.userdata;

import static org.assertj.core.api.Assertions.assertThat;

import io.kcuserdata.it.harness.HttpApi;
import io.kcuserdata.it.harness.HttpApi.Answer;
import io.kcuserdata.it.harness.KeycloakIT;
import io.kcuserdata.it.harness.Realms;
import io.kcuserdata.it.harness.TestRealm;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.UserRepresentation;

@KeycloakIT
class UserDataAdminApiIT {

  static final String MERGE_PATCH = "application/merge-patch+json";

  private TestRealm realm;
  private String userId;
  private HttpApi admin;
  private String path;

  @BeforeEach
  void aUser(Realms realms, HttpApi admin) {
    this.realm = realms.create();
    this.userId = realm.createUser("alice", "pw-alice-1");
    this.admin = admin;
    this.path = "/admin/realms/" + realm.name() + "/user-data/users/" + userId;
  }

  private Answer patch(String body, String... headers) {
    return admin.send("PATCH", path, MERGE_PATCH, body, headers);
  }

  @Nested
  class Reading {

    @Test
    void aNewUserHasEveryNamespaceEmptyAndAnEtag() {
      Answer answer = admin.get(path);

      assertThat(answer.status()).isEqualTo(200);
      assertThat(answer.json().toString())
          .isEqualTo(
              "{\"profile\":{},\"user_metadata\":{},\"custom_data\":{},\"app_metadata\":{},"
                  + "\"idp\":{},\"org\":{},\"status\":{}}");
      assertThat(answer.header("ETag")).startsWith("W/\"");
    }

    @Test
    void oneNamespaceReadsAlone() {
      patch("{\"custom_data\":{\"plan\":\"pro\"}}");

      assertThat(admin.get(path + "/custom_data").json().toString())
          .isEqualTo("{\"plan\":\"pro\"}");
    }

    @Test
    void anUnknownUserIs404() {
      Answer answer = admin.get("/admin/realms/" + realm.name() + "/user-data/users/nobody");

      assertThat(answer.status()).isEqualTo(404);
      assertThat(answer.json().path("error").asText()).isEqualTo("not_found");
    }
  }

  @Nested
  class MergePatching {

    @Test
    void mergesDeeplyDeletesWithNullAndReplacesArrays() {
      patch(
          "{\"custom_data\":{\"plan\":\"pro\",\"billing\":{\"cycle\":\"monthly\",\"seats\":5},"
              + "\"tags\":[\"a\",\"b\"]}}");

      Answer answer =
          patch(
              "{\"custom_data\":{\"billing\":{\"seats\":null,\"currency\":\"EUR\"},"
                  + "\"tags\":[\"c\"],\"plan\":null}}");

      assertThat(answer.status()).as(answer.body()).isEqualTo(200);
      assertThat(answer.json().path("custom_data").toString())
          .isEqualTo("{\"billing\":{\"cycle\":\"monthly\",\"currency\":\"EUR\"},\"tags\":[\"c\"]}");
    }

    @Test
    void keepsEveryJsonTypeThroughStorage() {
      String values =
          "{\"s\":\"42\",\"n\":42,\"f\":1.5,\"t\":true,\"o\":{\"k\":[1,\"x\",null]},\"a\":[]}";
      patch("{\"app_metadata\":" + values + "}");

      assertThat(admin.get(path).json().path("app_metadata").toString())
          .isEqualTo(
              "{\"a\":[],\"f\":1.5,\"n\":42,\"o\":{\"k\":[1,\"x\",null]},\"s\":\"42\",\"t\":true}");
    }

    @Test
    void storesStringsRawSoKeycloaksSearchFindsThem() {
      patch("{\"custom_data\":{\"plan\":\"pro\"}}");

      List<UserRepresentation> found =
          realm.admin().users().searchByAttributes("custom_data.plan:pro");

      assertThat(found).extracting(UserRepresentation::getId).containsExactly(userId);
      assertThat(realm.admin().users().searchByAttributes("custom_data.plan:free")).isEmpty();
    }

    @Test
    void putReplacesOneNamespaceWhole() {
      patch("{\"user_metadata\":{\"theme\":\"dark\",\"lang\":\"de\"}}");

      Answer answer =
          admin.send("PUT", path + "/user_metadata", "application/json", "{\"lang\":\"fr\"}");

      assertThat(answer.status()).as(answer.body()).isEqualTo(200);
      assertThat(answer.json().path("user_metadata").toString()).isEqualTo("{\"lang\":\"fr\"}");
    }
  }

  @Nested
  class Refusals {

    @Test
    void theStatusNamespaceIsReadOnlyForAdmins() {
      assertInvalid(patch("{\"status\":{\"login_count\":99}}"), "status");
    }

    @Test
    void identityProviderDataIsReadOnlyForAdmins() {
      assertInvalid(patch("{\"idp\":{\"google\":{\"sub\":\"x\"}}}"), "idp.google");
    }

    @Test
    void unknownNamespacesBadKeysDepthAndSizeAreNamed() {
      assertInvalid(patch("{\"secrets\":{\"a\":1}}"), "secrets");
      assertInvalid(patch("{\"custom_data\":{\"1st\":1}}"), "custom_data.1st");
      assertInvalid(patch("{\"custom_data\":{\"d\":[[[[[[[[1]]]]]]]]}}"), "custom_data.d");
      assertInvalid(
          patch("{\"custom_data\":{\"big\":\"" + "x".repeat(17 * 1024) + "\"}}"), "custom_data");
      assertInvalid(
          patch("{\"profile\":{\"favourite_color\":\"red\"}}"), "profile.favourite_color");
    }

    @Test
    void organizationDataNeedsMembership() {
      assertInvalid(patch("{\"org\":{\"acme\":{\"department\":\"R&D\"}}}"), "org.acme");
    }

    @Test
    void aPatchWithOneBadPartWritesNothing() {
      Answer answer =
          patch(
              "{\"custom_data\":{\"plan\":\"pro\"},\"user_metadata\":{\"lang\":\"de\"},"
                  + "\"app_metadata\":{\"bad key\":1}}");

      assertInvalid(answer, "app_metadata.bad key");
      Map<String, List<String>> attributes = realm.attributes(userId);
      assertThat(attributes).doesNotContainKeys("custom_data.plan", "user_metadata.lang");
    }

    @Test
    void wrongContentTypeIs415AndMalformedJsonIs400() {
      Answer text = admin.send("PATCH", path, "text/plain", "{}");
      assertThat(text.status()).isEqualTo(415);
      assertThat(text.json().path("error").asText()).isEqualTo("unsupported_media_type");

      Answer malformed = patch("{\"custom_data\":");
      assertThat(malformed.status()).isEqualTo(400);
      assertThat(malformed.json().path("error").asText()).isEqualTo("invalid_request");

      Answer duplicate = patch("{\"custom_data\":{\"a\":1,\"a\":2}}");
      assertThat(duplicate.status()).isEqualTo(400);
    }
  }

  @Nested
  class Versions {

    @Test
    void aWriterWithAStaleEtagGets412AndChangesNothing() {
      String etag = admin.get(path).header("ETag");

      Answer first = patch("{\"custom_data\":{\"plan\":\"pro\"}}", "If-Match", etag);
      Answer second = patch("{\"custom_data\":{\"plan\":\"free\"}}", "If-Match", etag);

      assertThat(first.status()).isEqualTo(200);
      assertThat(second.status()).isEqualTo(412);
      assertThat(second.json().path("error").asText()).isEqualTo("precondition_failed");
      assertThat(admin.get(path).json().path("custom_data").path("plan").asText()).isEqualTo("pro");
    }

    @Test
    void theAnswerOfAWriteCarriesTheNewEtag() {
      Answer written = patch("{\"custom_data\":{\"plan\":\"pro\"}}");

      assertThat(written.header("ETag")).isEqualTo(admin.get(path).header("ETag"));
    }
  }

  private static void assertInvalid(Answer answer, String where) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(400);
    assertThat(answer.json().path("error").asText()).isEqualTo("invalid_user_data");
    assertThat(answer.json().path("error_description").asText()).startsWith(where + ":");
  }
}

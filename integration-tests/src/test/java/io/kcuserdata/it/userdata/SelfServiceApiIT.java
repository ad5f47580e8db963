package io.kcuserdata.it.userdata;

import static org.assertj.core.api.Assertions.assertThat;

import io.kcuserdata.it.harness.HttpApi;
import io.kcuserdata.it.harness.HttpApi.Answer;
import io.kcuserdata.it.harness.KeycloakIT;
import io.kcuserdata.it.harness.Realms;
import io.kcuserdata.it.harness.TestRealm;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.userprofile.config.UPConfig.UnmanagedAttributePolicy;

/** {@code /realms/{realm}/user-data/me}: the user's own data with the user's own token. */
@KeycloakIT
class SelfServiceApiIT {

  private SeededRealm seeded;
  private String me;

  @BeforeEach
  void seed(Realms realms) {
    seeded = SeededRealm.create(realms, UnmanagedAttributePolicy.ADMIN_VIEW);
    me = "/realms/" + seeded.realm.name() + "/user-data/me";
  }

  private HttpApi alice() {
    return seeded.realm.http(
        seeded.realm.tokens().password("alice", SeededRealm.PASSWORD).accessToken());
  }

  @Nested
  class Reading {

    @Test
    void showsWhatTheUserMayReadAndNeverAppMetadataOrStatus() {
      Answer answer = alice().get(me);

      assertThat(answer.status()).as(answer.body()).isEqualTo(200);
      assertThat(answer.json().toString())
          .isEqualTo(
              "{\"profile\":{\"nickname\":\"ally\"},"
                  + "\"user_metadata\":{\"lang\":\"de\",\"theme\":\"dark\"},"
                  + "\"custom_data\":{\"plan\":\"pro\"},"
                  + "\"idp\":{\"google\":{\"sub\":\"g-123\"}},"
                  + "\"org\":{\"acme\":{\"department\":\"R&D\"}}}");
      assertThat(answer.header("ETag")).isNotBlank();
    }

    @Test
    void needsABearerToken() {
      Answer none = seeded.realm.http(null).get(me);
      Answer garbage = seeded.realm.http("not-a-token").get(me);

      assertThat(none.status()).isEqualTo(401);
      assertThat(none.json().path("error").asText()).isEqualTo("unauthorized");
      assertThat(garbage.status()).isEqualTo(401);
    }
  }

  @Nested
  class Writing {

    @Test
    void mergesIntoProfileAndUserMetadata() {
      Answer answer =
          alice()
              .send(
                  "PATCH",
                  me,
                  "application/merge-patch+json",
                  "{\"user_metadata\":{\"theme\":null,\"tz\":\"Europe/Berlin\"},"
                      + "\"profile\":{\"website\":\"https://ally.example\"}}");

      assertThat(answer.status()).as(answer.body()).isEqualTo(200);
      assertThat(answer.json().path("user_metadata").toString())
          .isEqualTo("{\"lang\":\"de\",\"tz\":\"Europe/Berlin\"}");
      assertThat(seeded.namespaced())
          .containsEntry("profile.website", List.of("https://ally.example"))
          .doesNotContainKey("user_metadata.theme");
    }

    @Test
    void refusesEveryOtherNamespaceAndChangesNothing() {
      for (String patch :
          List.of(
              "{\"custom_data\":{\"plan\":\"free\"}}",
              "{\"app_metadata\":{\"tier\":\"platinum\"}}",
              "{\"status\":{\"login_count\":0}}",
              "{\"idp\":{\"google\":{\"sub\":\"other\"}}}",
              "{\"org\":{\"acme\":{\"department\":\"Sales\"}}}",
              "{\"org\":null}",
              "{\"user_metadata\":{\"ok\":1},\"app_metadata\":{\"tier\":\"gold\"}}")) {
        Answer answer = alice().send("PATCH", me, "application/merge-patch+json", patch);

        assertThat(answer.status()).as(patch + " -> " + answer.body()).isEqualTo(400);
        assertThat(answer.json().path("error").asText()).isEqualTo("invalid_user_data");
      }
      assertThat(seeded.namespaced()).isEqualTo(SeededRealm.SEEDED);
    }

    @Test
    void needsTheManageAccountRole(Realms realms) {
      TestRealm realm = seeded.realm;
      RoleRepresentation manageAccount =
          realm
              .admin()
              .clients()
              .get(accountClientId(realm))
              .roles()
              .get("manage-account")
              .toRepresentation();
      realm
          .admin()
          .roles()
          .get("default-roles-" + realm.name())
          .deleteComposites(List.of(manageAccount));

      Answer read = alice().get(me);
      Answer write =
          alice()
              .send(
                  "PATCH", me, "application/merge-patch+json", "{\"user_metadata\":{\"a\":\"b\"}}");

      assertThat(read.status()).isEqualTo(200);
      assertThat(write.status()).isEqualTo(403);
      assertThat(write.json().path("error").asText()).isEqualTo("forbidden");
    }
  }

  private static String accountClientId(TestRealm realm) {
    return realm.admin().clients().findByClientId("account").get(0).getId();
  }
}

package io.kcuserdata.it.userdata;

import static org.assertj.core.api.Assertions.assertThat;

import io.kcuserdata.it.harness.HttpApi;
import io.kcuserdata.it.harness.HttpApi.Answer;
import io.kcuserdata.it.harness.KeycloakIT;
import io.kcuserdata.it.harness.Realms;
import io.kcuserdata.it.harness.TestRealm;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.AdminEventRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;

/** Who may use the admin user-data API, what it records, and what concurrent writers get. */
@KeycloakIT
class AdminPermissionsAndEventsIT {

  private TestRealm realm;
  private String aliceId;
  private String path;

  @BeforeEach
  void aRealmWithAdminEvents(Realms realms) {
    realm = realms.create();
    RealmRepresentation events = new RealmRepresentation();
    events.setAdminEventsEnabled(true);
    events.setAdminEventsDetailsEnabled(true);
    realm.admin().update(events);
    aliceId = realm.createUser("alice", "pw-alice-1");
    path = "/admin/realms/" + realm.name() + "/user-data/users/" + aliceId;
  }

  /** A user of the realm itself holding some of its realm-management roles. */
  private HttpApi realmAdminWith(String username, String... roles) {
    String id = realm.createUser(username, "pw-" + username);
    String managementId = realm.admin().clients().findByClientId("realm-management").get(0).getId();
    List<RoleRepresentation> granted =
        List.of(roles).stream()
            .map(r -> realm.admin().clients().get(managementId).roles().get(r).toRepresentation())
            .toList();
    realm.admin().users().get(id).roles().clientLevel(managementId).add(granted);
    return realm.http(realm.tokens().password(username, "pw-" + username).accessToken());
  }

  @Nested
  class Permissions {

    @Test
    void viewUsersReadsButDoesNotWrite() {
      HttpApi viewer = realmAdminWith("viewer", "view-users");

      assertThat(viewer.get(path).status()).isEqualTo(200);
      Answer write =
          viewer.send(
              "PATCH", path, "application/merge-patch+json", "{\"custom_data\":{\"a\":\"b\"}}");
      assertThat(write.status()).isEqualTo(403);
      assertThat(write.json().path("error").asText()).isEqualTo("forbidden");
    }

    @Test
    void manageUsersWrites() {
      HttpApi manager = realmAdminWith("manager", "manage-users");

      Answer write =
          manager.send(
              "PATCH", path, "application/merge-patch+json", "{\"custom_data\":{\"a\":\"b\"}}");

      assertThat(write.status()).as(write.body()).isEqualTo(200);
    }

    @Test
    void aRealmUserWithoutAdminRolesIsRefused() {
      HttpApi nobody = realmAdminWith("nobody");

      assertThat(nobody.get(path).status()).isEqualTo(403);
    }
  }

  @Nested
  class AdminEvents {

    @Test
    void everyChangeRecordsTheNamespacesAndKeysButNoValues(HttpApi admin) {
      admin.send(
          "PATCH",
          path,
          "application/merge-patch+json",
          "{\"custom_data\":{\"plan\":\"pro\"},\"app_metadata\":{\"secret_flag\":\"s3cr3t\"}}");

      List<AdminEventRepresentation> events =
          realm.admin().getAdminEvents().stream()
              .filter(e -> "USER_DATA".equals(e.getResourceType()))
              .toList();
      assertThat(events).hasSize(1);
      AdminEventRepresentation event = events.get(0);
      assertThat(event.getOperationType()).isEqualTo("UPDATE");
      assertThat(event.getResourcePath()).isEqualTo("user-data/users/" + aliceId);
      assertThat(event.getDetails())
          .containsEntry("namespaces", "app_metadata,custom_data")
          .containsEntry("keys", "app_metadata.secret_flag,custom_data.plan");
      assertThat(event.getRepresentation()).contains("secret_flag").doesNotContain("s3cr3t");
    }

    @Test
    void aWriteThatChangesNothingRecordsNothing(HttpApi admin) {
      admin.send(
          "PATCH", path, "application/merge-patch+json", "{\"custom_data\":{\"gone\":null}}");

      assertThat(realm.admin().getAdminEvents())
          .noneMatch(e -> "USER_DATA".equals(e.getResourceType()));
    }
  }

  @Nested
  class ConcurrentWriters {

    @Test
    void withTheSameEtagOnlyOneWinsTheOtherGets412(HttpApi admin) throws Exception {
      for (int round = 0; round < 5; round++) {
        String etag = admin.get(path).header("ETag");
        String value = "round-" + round;
        CompletableFuture<Answer> first =
            CompletableFuture.supplyAsync(
                () ->
                    admin.send(
                        "PATCH",
                        path,
                        "application/merge-patch+json",
                        "{\"custom_data\":{\"a\":\"" + value + "-1\"}}",
                        "If-Match",
                        etag));
        CompletableFuture<Answer> second =
            CompletableFuture.supplyAsync(
                () ->
                    admin.send(
                        "PATCH",
                        path,
                        "application/merge-patch+json",
                        "{\"custom_data\":{\"a\":\"" + value + "-2\"}}",
                        "If-Match",
                        etag));

        List<Integer> statuses = List.of(first.get().status(), second.get().status());

        assertThat(statuses).as("round %d", round).containsExactlyInAnyOrder(200, 412);
      }
    }
  }
}

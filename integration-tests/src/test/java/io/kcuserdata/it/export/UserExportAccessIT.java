package io.kcuserdata.it.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kcuserdata.it.harness.HttpApi;
import io.kcuserdata.it.harness.HttpApi.Answer;
import io.kcuserdata.it.harness.KeycloakIT;
import io.kcuserdata.it.harness.Realms;
import io.kcuserdata.it.harness.TestRealm;
import jakarta.ws.rs.core.Response;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;

/** Who may export which users, and what a refused or malformed export answers. */
@KeycloakIT
class UserExportAccessIT {

  private static final int USERS = 12;

  private TestRealm realm;
  private HttpApi admin;
  private List<String> ids;

  @BeforeEach
  void aRealmWhoseUsersCarryEveryKindOfData(Realms realms, HttpApi admin) {
    this.admin = admin;
    realm = Population.realmWithStructure(realms);
    ids = Population.users(realm, admin, "person", USERS);
  }

  private Answer export(String query) {
    return admin.get("/admin/realms/" + realm.name() + "/user-data/export" + query);
  }

  @Nested
  class Access {

    @Test
    void aCallerWhoMayQueryButNotViewUsersGetsNoUser() {
      String id = realm.createUser("querier", "pw-querier-1");
      realm.grantClientRole(id, "realm-management", "query-users");
      String token = realm.tokens().password("querier", "pw-querier-1").accessToken();

      Answer answer = realm.http(token).get("/admin/realms/" + realm.name() + "/user-data/export");

      assertThat(answer.status()).as(answer.body()).isEqualTo(200);
      assertThat(answer.body()).isEmpty();
    }

    @Test
    void usersTheCallerMayNotViewUnderFineGrainedPermissionsAreAbsent() {
      RealmRepresentation fgap = new RealmRepresentation();
      fgap.setAdminPermissionsEnabled(true);
      realm.admin().update(fgap);
      String callerId = realm.createUser("team-lead", "pw-lead-1");
      realm.grantClientRole(callerId, "realm-management", "query-users");
      GroupRepresentation team = new GroupRepresentation();
      team.setName("team");
      String teamId;
      try (Response created = realm.admin().groups().add(team)) {
        teamId = CreatedResponseUtil.getCreatedId(created);
      }
      List<String> visible = ids.subList(0, 3);
      visible.forEach(id -> realm.admin().users().get(id).joinGroup(teamId));
      String permissionsClient =
          realm.admin().clients().findByClientId("admin-permissions").get(0).getId();
      String authz =
          "/admin/realms/"
              + realm.name()
              + "/clients/"
              + permissionsClient
              + "/authz/resource-server/";
      String policyId =
          admin
              .send(
                  "POST",
                  authz + "policy/user",
                  "application/json",
                  "{\"name\":\"the team lead\",\"users\":[\"" + callerId + "\"]}")
              .requireStatus(201)
              .json()
              .path("id")
              .asText();
      admin
          .send(
              "POST",
              authz + "permission/scope",
              "application/json",
              "{\"name\":\"lead sees the team\",\"resourceType\":\"Groups\",\"resources\":[\""
                  + teamId
                  + "\"],\"scopes\":[\"view-members\"],\"policies\":[\""
                  + policyId
                  + "\"]}")
          .requireStatus(201);
      String token = realm.tokens().password("team-lead", "pw-lead-1").accessToken();

      Answer answer = realm.http(token).get("/admin/realms/" + realm.name() + "/user-data/export");

      assertThat(answer.status()).as(answer.body()).isEqualTo(200);
      assertThat(idsOf(Population.ndjson(answer.body())))
          .containsExactlyInAnyOrderElementsOf(visible);
    }

    @Test
    void aCallerWithoutUserPermissionsIsRefused() {
      realm.createUser("nobody", "pw-nobody-1");
      String token = realm.tokens().password("nobody", "pw-nobody-1").accessToken();

      Answer answer = realm.http(token).get("/admin/realms/" + realm.name() + "/user-data/export");

      assertThat(answer.status()).isEqualTo(403);
      assertThat(answer.json().path("error").asText()).isEqualTo("forbidden");
    }

    @Test
    void eachExportIsAnAdminEvent() {
      export("?format=csv").requireStatus(200);

      assertThat(
              realm.admin().getAdminEvents().stream()
                  .anyMatch(
                      e ->
                          "USER_DATA".equals(e.getResourceType())
                              && e.getResourcePath() != null
                              && e.getResourcePath().contains("export")))
          .isTrue();
    }
  }

  @Nested
  class BadParameters {

    @Test
    void areRefusedWithAClearMessage() {
      Map<String, String> expected =
          Map.of(
              "?format=xml", "format must be ndjson or csv",
              "?fields=password", "unknown field 'password'",
              "?after=../../etc", "after must be the id",
              "?max=0", "max must be a whole number",
              "?q=nocolon", "q has no key:value term");
      expected.forEach(
          (query, message) -> {
            Answer answer = export(query);
            assertThat(answer.status()).as(query).isEqualTo(400);
            assertThat(answer.json().path("error_description").asText())
                .as(query)
                .contains(message);
          });
    }
  }

  static Set<String> idsOf(List<JsonNode> records) {
    Set<String> ids = new HashSet<>();
    records.forEach(r -> ids.add(r.path("id").asText()));
    return ids;
  }
}

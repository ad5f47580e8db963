package io.kcuserdata.it.migration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kcuserdata.it.export.Population;
import io.kcuserdata.it.harness.HttpApi;
import io.kcuserdata.it.harness.HttpApi.Answer;
import io.kcuserdata.it.harness.KeycloakIT;
import io.kcuserdata.it.harness.KeycloakServer;
import io.kcuserdata.it.harness.Realms;
import io.kcuserdata.it.harness.TestRealm;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;

/**
 * The import never does for a caller what that caller could not do through Keycloak's own admin
 * API: each line is authorized with the caller's permissions, and a line that would grant more is
 * refused with its reason, writing nothing.
 */
@KeycloakIT
class ImportAuthorizationIT {

  private TestRealm realm;
  private String helpdeskId;
  private String managementId;

  /**
   * A realm with an ordinary role and group, and with the ways to realm-admin a manage-users admin
   * could try: the role itself, a composite holding it, a group carrying it (and its subgroup).
   */
  @BeforeEach
  void aRealmWithRolesAndGroupsOfBothKinds(Realms realms) {
    realm =
        realms.create(
            r -> {
              r.setOrganizationsEnabled(true);
              r.setAdminEventsEnabled(true);
              r.setAdminEventsDetailsEnabled(true);
            });
    RealmResource admin = realm.admin();
    managementId = admin.clients().findByClientId("realm-management").get(0).getId();
    RoleRepresentation realmAdmin =
        admin.clients().get(managementId).roles().get("realm-admin").toRepresentation();
    createRole("support");
    createRole("ops");
    admin.roles().get("ops").addComposites(List.of(realmAdmin));
    String opsAdmins = createGroup("ops-admins", null);
    admin.groups().group(opsAdmins).roles().clientLevel(managementId).add(List.of(realmAdmin));
    createGroup("night-shift", opsAdmins);
    String supportTeam = createGroup("support-team", null);
    admin
        .groups()
        .group(supportTeam)
        .roles()
        .realmLevel()
        .add(List.of(admin.roles().get("support").toRepresentation()));
    realm.createOrganization("acme");
    helpdeskId = realm.createUser("helpdesk", "pw-helpdesk-1");
  }

  private void createRole(String name) {
    RoleRepresentation role = new RoleRepresentation();
    role.setName(name);
    realm.admin().roles().create(role);
  }

  private String createGroup(String name, String parentId) {
    GroupRepresentation group = new GroupRepresentation();
    group.setName(name);
    try (Response created =
        parentId == null
            ? realm.admin().groups().add(group)
            : realm.admin().groups().group(parentId).subGroup(group)) {
      return CreatedResponseUtil.getCreatedId(created);
    }
  }

  /** A user of the realm holding {@code roles} of its realm-management client, as a caller. */
  private HttpApi callerWith(String username, String... roles) {
    String id = realm.createUser(username, "pw-" + username + "-1");
    for (String role : roles) {
      realm.grantClientRole(id, "realm-management", role);
    }
    return realm.http(realm.tokens().password(username, "pw-" + username + "-1").accessToken());
  }

  private Answer importAs(HttpApi caller, String... lines) {
    return caller.send(
        "POST",
        "/admin/realms/" + realm.name() + "/user-data/import",
        "application/x-ndjson",
        String.join("\n", lines) + "\n");
  }

  private static JsonNode onlyResult(Answer answer) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    List<JsonNode> results = Population.ndjson(answer.body());
    assertThat(results).as(answer.body()).hasSize(1);
    return results.get(0);
  }

  private static void assertRefused(Answer answer, String reason) {
    JsonNode result = onlyResult(answer);
    assertThat(result.path("result").asText()).as(answer.body()).isEqualTo("error");
    assertThat(result.path("error_description").asText()).isEqualTo(reason);
  }

  private UserResource helpdesk() {
    return realm.admin().users().get(helpdeskId);
  }

  private List<String> effectiveManagementRoles(String userId) {
    return realm
        .admin()
        .users()
        .get(userId)
        .roles()
        .clientLevel(managementId)
        .listEffective()
        .stream()
        .map(RoleRepresentation::getName)
        .toList();
  }

  private List<String> groupsOf(String userId) {
    return realm.admin().users().get(userId).groups().stream()
        .map(GroupRepresentation::getPath)
        .toList();
  }

  @Nested
  class ACallerWithOnlyManageUsers {

    private HttpApi manager;

    @BeforeEach
    void signsIn() {
      manager = callerWith("manager", "manage-users");
    }

    @Test
    void cannotMakeAUserRealmAdminAndNothingOfTheLineIsWritten() {
      Answer answer =
          importAs(
              manager,
              "{\"username\":\"helpdesk\",\"first_name\":\"Changed\","
                  + "\"custom_data\":{\"plan\":\"x\"},"
                  + "\"client_roles\":{\"realm-management\":[\"realm-admin\"]}}");

      assertRefused(
          answer,
          "not permitted: mapping role 'realm-admin' of client 'realm-management' needs more"
              + " than your permissions allow");
      assertThat(effectiveManagementRoles(helpdeskId)).doesNotContain("realm-admin");
      assertThat(helpdesk().toRepresentation().getFirstName()).isEqualTo("Helpdesk");
      assertThat(realm.namespacedAttributes(helpdeskId)).isEmpty();
    }

    @Test
    void isRefusedTheSameByKeycloaksOwnRoleMappingEndpoint() {
      Answer keycloak =
          manager.send(
              "POST",
              "/admin/realms/"
                  + realm.name()
                  + "/users/"
                  + helpdeskId
                  + "/role-mappings/clients/"
                  + managementId,
              "application/json",
              "[" + realmAdminJson() + "]");

      assertThat(keycloak.status()).isEqualTo(403);
    }

    @Test
    void cannotCreateAUserWhoIsRealmAdmin() {
      Answer answer =
          importAs(
              manager,
              "{\"username\":\"sleeper\",\"client_roles\":{\"realm-management\":[\"realm-admin\"]}}");

      assertThat(onlyResult(answer).path("result").asText()).isEqualTo("error");
      assertThat(realm.admin().users().search("sleeper", true)).isEmpty();
    }

    @Test
    void cannotMapACompositeRoleThatHoldsRealmAdmin() {
      Answer answer = importAs(manager, "{\"username\":\"helpdesk\",\"realm_roles\":[\"ops\"]}");

      assertRefused(
          answer,
          "not permitted: mapping realm role 'ops' (it includes role 'realm-admin' of client"
              + " 'realm-management') needs more than your permissions allow");
      assertThat(effectiveManagementRoles(helpdeskId)).doesNotContain("realm-admin");
    }

    @Test
    void cannotJoinAUserToAGroupThatCarriesRealmAdmin() {
      Answer answer = importAs(manager, "{\"username\":\"helpdesk\",\"groups\":[\"/ops-admins\"]}");

      assertRefused(
          answer,
          "not permitted: joining group '/ops-admins' (it grants role 'realm-admin' of client"
              + " 'realm-management') needs more than your permissions allow: a group is joined"
              + " only by who may map each role it grants");
      assertThat(groupsOf(helpdeskId)).isEmpty();
      assertThat(effectiveManagementRoles(helpdeskId)).doesNotContain("realm-admin");
    }

    @Test
    void cannotJoinAUserToASubgroupOfAGroupThatCarriesRealmAdmin() {
      Answer answer =
          importAs(manager, "{\"username\":\"helpdesk\",\"groups\":[\"/ops-admins/night-shift\"]}");

      assertThat(onlyResult(answer).path("error_description").asText())
          .startsWith("not permitted: joining group '/ops-admins/night-shift' (it grants role")
          .contains("'realm-admin' of client 'realm-management'");
      assertThat(groupsOf(helpdeskId)).isEmpty();
    }

    @Test
    void cannotAddAUserToAnOrganization() {
      Answer answer = importAs(manager, "{\"username\":\"helpdesk\",\"organizations\":[\"acme\"]}");

      assertRefused(
          answer,
          "not permitted: adding members to organization 'acme' needs more than your"
              + " permissions allow");
      String acme = realm.admin().organizations().getAll().get(0).getId();
      assertThat(realm.admin().organizations().get(acme).members().getAll()).isEmpty();
    }

    @Test
    void mapsAnOrdinaryRealmRoleAndJoinsAGroupWithOrdinaryRoles() {
      Answer answer =
          importAs(
              manager,
              "{\"username\":\"helpdesk\",\"realm_roles\":[\"support\"],"
                  + "\"groups\":[\"/support-team\"]}",
              "{\"username\":\"newcomer\",\"realm_roles\":[\"support\"]}");

      List<JsonNode> results = Population.ndjson(answer.body());
      assertThat(results)
          .extracting(r -> r.path("result").asText())
          .as(answer.body())
          .containsExactly("updated", "created");
      assertThat(helpdesk().roles().realmLevel().listAll())
          .extracting(RoleRepresentation::getName)
          .contains("support");
      assertThat(groupsOf(helpdeskId)).containsExactly("/support-team");
    }

    @Test
    void goesOnWithTheLinesAfterARefusedOne() {
      Answer answer =
          importAs(
              manager,
              "{\"username\":\"one\"}",
              "{\"username\":\"two\",\"realm_roles\":[\"ops\"]}",
              "{\"username\":\"three\"}");

      assertThat(Population.ndjson(answer.body()))
          .extracting(r -> r.path("line").asInt() + ":" + r.path("result").asText())
          .containsExactly("1:created", "2:error", "3:created");
      assertThat(realm.admin().users().search("two", true)).isEmpty();
    }
  }

  @Nested
  class ARealmAdmin {

    @Test
    void importsAllOfItAsBefore() {
      HttpApi realmAdmin = callerWith("boss", "realm-admin");

      Answer answer =
          importAs(
              realmAdmin,
              "{\"username\":\"helpdesk\",\"client_roles\":{\"realm-management\":[\"realm-admin\"]}}",
              "{\"username\":\"operator\",\"realm_roles\":[\"ops\"]}",
              "{\"username\":\"night\",\"groups\":[\"/ops-admins\",\"/ops-admins/night-shift\"]}",
              "{\"username\":\"member\",\"organizations\":[\"acme\"]}");

      assertThat(Population.ndjson(answer.body()))
          .extracting(r -> r.path("result").asText())
          .as(answer.body())
          .containsExactly("updated", "created", "created", "created");
      assertThat(effectiveManagementRoles(helpdeskId)).contains("realm-admin");
      String night = realm.admin().users().search("night", true).get(0).getId();
      assertThat(groupsOf(night)).contains("/ops-admins", "/ops-admins/night-shift");
    }

    @Test
    void ofTheWholeServerImportsItToo(HttpApi serverAdmin) {
      Answer answer =
          importAs(
              serverAdmin,
              "{\"username\":\"helpdesk\",\"client_roles\":{\"realm-management\":[\"realm-admin\"]},"
                  + "\"realm_roles\":[\"ops\"],\"groups\":[\"/ops-admins\"],"
                  + "\"organizations\":[\"acme\"]}");

      assertThat(onlyResult(answer).path("result").asText()).as(answer.body()).isEqualTo("updated");
      assertThat(effectiveManagementRoles(helpdeskId)).contains("realm-admin");
    }
  }

  @Nested
  class FineGrainedPermissions {

    /**
     * A caller without any realm-management role, given by fine-grained admin permissions (v2) the
     * right to manage users and map one role: its lines are judged by those permissions, for users
     * created by earlier lines of the same import as well.
     */
    @Test
    void decideEachLineForUsersCreatedByEarlierLinesToo(HttpApi serverAdmin) {
      RealmRepresentation fgap = new RealmRepresentation();
      fgap.setAdminPermissionsEnabled(true);
      realm.admin().update(fgap);
      createRole("billing");
      String callerId = realm.createUser("delegate", "pw-delegate-1");
      String permissionsClient =
          realm.admin().clients().findByClientId("admin-permissions").get(0).getId();
      String authz =
          "/admin/realms/"
              + realm.name()
              + "/clients/"
              + permissionsClient
              + "/authz/resource-server/";
      String policy =
          serverAdmin
              .send(
                  "POST",
                  authz + "policy/user",
                  "application/json",
                  "{\"name\":\"the delegate\",\"users\":[\"" + callerId + "\"]}")
              .requireStatus(201)
              .json()
              .path("id")
              .asText();
      serverAdmin
          .send(
              "POST",
              authz + "permission/scope",
              "application/json",
              "{\"name\":\"delegate manages users\",\"resourceType\":\"Users\","
                  + "\"scopes\":[\"manage\",\"map-roles\"],\"policies\":[\""
                  + policy
                  + "\"]}")
          .requireStatus(201);
      String support = realm.admin().roles().get("support").toRepresentation().getId();
      serverAdmin
          .send(
              "POST",
              authz + "permission/scope",
              "application/json",
              "{\"name\":\"delegate maps support\",\"resourceType\":\"Roles\",\"resources\":[\""
                  + support
                  + "\"],\"scopes\":[\"map-role\"],\"policies\":[\""
                  + policy
                  + "\"]}")
          .requireStatus(201);
      HttpApi delegate =
          realm.http(realm.tokens().password("delegate", "pw-delegate-1").accessToken());

      Answer answer =
          importAs(
              delegate,
              "{\"username\":\"newbie\"}",
              "{\"username\":\"newbie\",\"realm_roles\":[\"support\"]}",
              "{\"username\":\"newbie\",\"realm_roles\":[\"billing\"]}");

      List<JsonNode> results = Population.ndjson(answer.body());
      assertThat(results)
          .extracting(r -> r.path("result").asText())
          .as(answer.body())
          .containsExactly("created", "updated", "error");
      assertThat(results.get(2).path("error_description").asText())
          .isEqualTo(
              "not permitted: mapping realm role 'billing' needs more than your permissions"
                  + " allow");
      String newbie = realm.admin().users().search("newbie", true).get(0).getId();
      assertThat(realm.admin().users().get(newbie).roles().realmLevel().listAll())
          .extracting(RoleRepresentation::getName)
          .contains("support")
          .doesNotContain("billing");
    }
  }

  @Nested
  class TheMasterRealm {

    /**
     * A master user with only manage-users of master (the {@code master-realm} client's role) must
     * not make anybody, itself included, server admin.
     */
    @Test
    void refusesItsAdminRoleToAManageUsersAdmin(Keycloak serverAdmin, KeycloakServer server) {
      RealmResource master = serverAdmin.realm("master");
      String suffix = Long.toString(System.nanoTime());
      String callerName = "import-manager-" + suffix;
      String targetName = "import-target-" + suffix;
      String callerId = null;
      try {
        callerId = createMasterUser(master, callerName);
        String masterRealmClient = master.clients().findByClientId("master-realm").get(0).getId();
        master
            .users()
            .get(callerId)
            .roles()
            .clientLevel(masterRealmClient)
            .add(
                List.of(
                    master
                        .clients()
                        .get(masterRealmClient)
                        .roles()
                        .get("manage-users")
                        .toRepresentation()));
        Answer answer;
        // Closing the admin client signs its user out, so it stays open for the import.
        try (Keycloak caller =
            KeycloakBuilder.builder()
                .serverUrl(server.baseUrl().toString())
                .realm("master")
                .clientId("admin-cli")
                .username(callerName)
                .password("pw-" + callerName)
                .build()) {
          answer =
              HttpApi.withToken(server.baseUrl(), caller.tokenManager().getAccessTokenString())
                  .send(
                      "POST",
                      "/admin/realms/master/user-data/import",
                      "application/x-ndjson",
                      "{\"username\":\""
                          + targetName
                          + "\",\"realm_roles\":[\"admin\"]}\n{\"username\":\""
                          + callerName
                          + "\",\"realm_roles\":[\"admin\"]}\n");
        }

        assertThat(Population.ndjson(answer.body()))
            .as(answer.body())
            .extracting(r -> r.path("error_description").asText())
            .containsExactly(
                "not permitted: mapping realm role 'admin' needs more than your permissions allow",
                "not permitted: mapping realm role 'admin' needs more than your permissions"
                    + " allow");
        assertThat(master.users().search(targetName, true)).isEmpty();
        assertThat(master.users().get(callerId).roles().realmLevel().listEffective())
            .extracting(RoleRepresentation::getName)
            .doesNotContain("admin");
      } finally {
        removeMasterUser(master, callerId);
        master.users().search(targetName, true).forEach(u -> removeMasterUser(master, u.getId()));
      }
    }

    private String createMasterUser(RealmResource master, String username) {
      var user = new org.keycloak.representations.idm.UserRepresentation();
      user.setUsername(username);
      user.setEnabled(true);
      user.setEmail(username + "@example.test");
      user.setEmailVerified(true);
      user.setFirstName("Import");
      user.setLastName("Manager");
      var password = new org.keycloak.representations.idm.CredentialRepresentation();
      password.setType("password");
      password.setValue("pw-" + username);
      password.setTemporary(false);
      user.setCredentials(List.of(password));
      try (Response created = master.users().create(user)) {
        return CreatedResponseUtil.getCreatedId(created);
      }
    }

    private void removeMasterUser(RealmResource master, String id) {
      if (id != null) {
        master.users().delete(id).close();
      }
    }
  }

  private String realmAdminJson() {
    RoleRepresentation role =
        realm.admin().clients().get(managementId).roles().get("realm-admin").toRepresentation();
    return "{\"id\":\"" + role.getId() + "\",\"name\":\"realm-admin\"}";
  }
}

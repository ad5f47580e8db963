package io.kcuserdata.it.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kcuserdata.it.harness.Eventually;
import io.kcuserdata.it.harness.HttpApi;
import io.kcuserdata.it.harness.HttpApi.Answer;
import io.kcuserdata.it.harness.KeycloakIT;
import io.kcuserdata.it.harness.Realms;
import io.kcuserdata.it.harness.TestRealm;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.FederatedIdentityRepresentation;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/** One person's whole record: {@code GET …/users/{id}/export} and {@code GET …/me/export}. */
@KeycloakIT
class DataSubjectExportIT {

  private TestRealm realm;
  private HttpApi admin;
  private String aliceId;

  @BeforeEach
  void aUserWithEveryKindOfData(Realms realms, HttpApi admin) {
    this.admin = admin;
    realm =
        realms.create(
            r -> {
              r.setEventsEnabled(true);
              r.setOrganizationsEnabled(true);
            });
    realm.enableEventListeners("userdata-account-status");
    aliceId = realm.createUser("alice", "pw-alice-1");
    admin.send(
        "PATCH",
        "/admin/realms/" + realm.name() + "/user-data/users/" + aliceId,
        "application/merge-patch+json",
        "{\"custom_data\":{\"plan\":\"pro\"},\"app_metadata\":{\"crm_id\":\"C-1\"}}");
    RoleRepresentation vip = new RoleRepresentation();
    vip.setName("vip");
    realm.admin().roles().create(vip);
    realm
        .admin()
        .users()
        .get(aliceId)
        .roles()
        .realmLevel()
        .add(List.of(realm.admin().roles().get("vip").toRepresentation()));
    GroupRepresentation staff = new GroupRepresentation();
    staff.setName("staff");
    realm.admin().groups().add(staff).close();
    String staffId =
        realm.admin().groups().groups().stream()
            .filter(g -> g.getName().equals("staff"))
            .findFirst()
            .orElseThrow()
            .getId();
    realm.admin().users().get(aliceId).joinGroup(staffId);
    realm.createOrganization("acme", aliceId);
    realms.upstreamOidc(realm, "upstream");
    FederatedIdentityRepresentation link = new FederatedIdentityRepresentation();
    link.setIdentityProvider("upstream");
    link.setUserId("up-123");
    link.setUserName("alice-up");
    realm.admin().users().get(aliceId).addFederatedIdentity("upstream", link).close();
    UserRepresentation rep = realm.admin().users().get(aliceId).toRepresentation();
    rep.setRequiredActions(List.of("CONFIGURE_TOTP"));
    realm.admin().users().get(aliceId).update(rep);
  }

  @Test
  void anAdminGetsTheWholeRecordWithoutAnyCredentialSecret() {
    realm.tokens().password("alice", "wrong");

    Answer answer =
        admin.get("/admin/realms/" + realm.name() + "/user-data/users/" + aliceId + "/export");

    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    JsonNode record = answer.json();
    assertThat(record.path("username").asText()).isEqualTo("alice");
    assertThat(record.path("custom_data").path("plan").asText()).isEqualTo("pro");
    assertThat(record.path("app_metadata").path("crm_id").asText()).isEqualTo("C-1");
    assertThat(record.path("realm_roles").toString()).contains("\"vip\"");
    assertThat(record.path("groups").toString()).isEqualTo("[\"/staff\"]");
    assertThat(record.path("organizations").toString()).isEqualTo("[\"acme\"]");
    assertThat(record.path("federated_identities").get(0).path("user_id").asText())
        .isEqualTo("up-123");
    assertThat(record.path("credentials").get(0).path("type").asText()).isEqualTo("password");
    assertThat(record.path("required_actions").toString()).isEqualTo("[\"CONFIGURE_TOTP\"]");
    assertThat(record.path("login_events").get(0).path("type").asText()).isEqualTo("LOGIN_ERROR");
    assertThat(answer.body())
        .doesNotContain("hashIterations", "salt", "secretData", "credentialData");
  }

  @Test
  void theUserGetsWhatTheyMaySeePlusTheirAccountStatusAndLogins() {
    UserRepresentation rep = realm.admin().users().get(aliceId).toRepresentation();
    rep.setRequiredActions(List.of());
    realm.admin().users().get(aliceId).update(rep);
    String token = realm.tokens().password("alice", "pw-alice-1").accessToken();

    // The login tally counts the login just after it commits.
    Answer answer =
        Eventually.read(
            () -> realm.http(token).get("/realms/" + realm.name() + "/user-data/me/export"),
            a -> a.status() != 200 || a.json().path("account_status").has("login_count"));

    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    JsonNode record = answer.json();
    assertThat(record.has("app_metadata")).isFalse();
    assertThat(record.has("status")).isFalse();
    assertThat(record.path("account_status").path("login_count").asInt()).isEqualTo(1);
    assertThat(record.path("custom_data").path("plan").asText()).isEqualTo("pro");
    assertThat(record.path("login_events").get(0).path("type").asText()).isEqualTo("LOGIN");
  }
}

package io.kcuserdata.it.delegation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.kcuserdata.it.harness.Browser;
import io.kcuserdata.it.harness.HttpApi;
import io.kcuserdata.it.harness.HttpApi.Answer;
import io.kcuserdata.it.harness.KeycloakIT;
import io.kcuserdata.it.harness.Pkce;
import io.kcuserdata.it.harness.Realms;
import io.kcuserdata.it.harness.TestRealm;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * What an organization's delegated admin must not reach, tried as an attacker holding that role
 * would: the accounts of members who hold more power than an ordinary member, suspensions and
 * lockouts they did not make, and the API itself with a token stolen from another application.
 */
@KeycloakIT
class DelegatedAdminAttacksIT {

  private static final String REALM_ADMIN_ACTS = "a realm admin acts on them";

  private TwoOrganizations f;

  @BeforeEach
  void twoOrganizationsAndALeadWhoAdministersOne(Realms realms, HttpApi admin) {
    f = new TwoOrganizations(realms, admin);
  }

  @AfterEach
  void stop() {
    f.close();
  }

  private String member(String id) {
    return f.members(f.acme) + "/" + id;
  }

  private UserRepresentation account(String id) {
    return f.realm.admin().users().get(id).toRepresentation();
  }

  private JsonNode status(String id) {
    return f.admin.get(f.path("/admin/realms/%s/user-data/users/" + id)).json().path("status");
  }

  private void nameDelegatedAdmin(String orgId, String userId) {
    f.admin
        .send(
            "PUT",
            f.path("/admin/realms/%s/user-data/organizations/" + orgId + "/admins/" + userId),
            null,
            null)
        .requireStatus(204);
  }

  /**
   * Each action that could take the account over is refused with {@code reason}, and the account is
   * as it was: same e-mail and name, enabled, still a member, no e-mail sent.
   */
  private void assertOutOfReach(String memberId, String reason) throws InterruptedException {
    UserRepresentation before = account(memberId);
    String url = member(memberId);
    List<Answer> answers =
        List.of(
            f.lead.send(
                "PATCH", url, "application/merge-patch+json", "{\"email\":\"attacker@evil.test\"}"),
            f.lead.send("PATCH", url, "application/merge-patch+json", "{\"first_name\":\"Mal\"}"),
            f.lead.send("POST", url + "/reset-password-email", null, null),
            f.lead.send("POST", url + "/send-verify-email", null, null),
            f.lead.send("POST", url + "/suspend", "application/json", "{\"reason\":\"takeover\"}"),
            f.lead.send("POST", url + "/unsuspend", null, null),
            f.lead.send("DELETE", url, null, null));

    assertThat(answers)
        .allSatisfy(
            answer -> {
              assertThat(answer.status()).as(answer.body()).isEqualTo(403);
              assertThat(answer.json().path("error_description").asText())
                  .contains(reason)
                  .contains(REALM_ADMIN_ACTS);
            });
    UserRepresentation after = account(memberId);
    assertThat(after.getEmail()).isEqualTo(before.getEmail());
    assertThat(after.isEmailVerified()).isEqualTo(before.isEmailVerified());
    assertThat(after.getFirstName()).isEqualTo(before.getFirstName());
    assertThat(after.isEnabled()).isTrue();
    assertThat(
            f.admin
                .get(f.path("/admin/realms/%s/organizations/" + f.acme + "/members/" + memberId))
                .status())
        .isEqualTo(200);
    assertThatThrownBy(() -> f.smtp.take(Duration.ofSeconds(2)))
        .as("no e-mail sent")
        .isInstanceOf(AssertionError.class);
  }

  @Nested
  class AMemberWithMorePowerThanAnOrdinaryMember {

    @Test
    void whoIsAnotherOrganizationsDelegatedAdminIsOutOfReach() throws InterruptedException {
      nameDelegatedAdmin(f.globex, f.both);

      assertOutOfReach(f.both, "is a delegated admin");
    }

    @Test
    void whoHoldsAnApplicationRoleIsOutOfReach() throws InterruptedException {
      String billing = createClient("billing");
      RoleRepresentation approver = clientRole(billing, "approver");
      f.realm.admin().users().get(f.memberA).roles().clientLevel(billing).add(List.of(approver));

      assertOutOfReach(f.memberA, "holds roles beyond the realm's defaults");
    }

    @Test
    void whoHoldsARealmRoleIsOutOfReach() throws InterruptedException {
      RoleRepresentation auditor = realmRole("auditor");
      f.realm.admin().users().get(f.memberA).roles().realmLevel().add(List.of(auditor));

      assertOutOfReach(f.memberA, "holds roles beyond the realm's defaults");
    }

    @Test
    void whoHoldsARoleThroughAGroupAndACompositeIsOutOfReach() throws InterruptedException {
      String billing = createClient("billing");
      RoleRepresentation approver = clientRole(billing, "approver");
      RoleRepresentation finance = realmRole("finance");
      f.realm.admin().roles().get("finance").addComposites(List.of(approver));
      GroupRepresentation group = new GroupRepresentation();
      group.setName("finance-team");
      String groupId;
      try (Response created = f.realm.admin().groups().add(group)) {
        groupId = CreatedResponseUtil.getCreatedId(created);
      }
      f.realm.admin().groups().group(groupId).roles().realmLevel().add(List.of(finance));
      f.realm.admin().users().get(f.memberA).joinGroup(groupId);

      assertOutOfReach(f.memberA, "holds roles beyond the realm's defaults");
    }

    @Test
    void whoAdministersTheRealmIsOutOfReach() throws InterruptedException {
      f.realm.grantClientRole(f.memberA, "realm-management", "view-users");

      assertOutOfReach(f.memberA, "administers");
    }

    @Test
    void keepsTheOrganizationsOwnDataEditableByItsAdmin() {
      nameDelegatedAdmin(f.globex, f.both);
      UserRepresentation before = account(f.both);

      // What the page sends on save: the account fields as they are, and the organization's data.
      Answer saved =
          f.lead.send(
              "PATCH",
              member(f.both),
              "application/merge-patch+json",
              "{\"first_name\":\""
                  + before.getFirstName()
                  + "\",\"last_name\":\""
                  + before.getLastName()
                  + "\",\"email\":\""
                  + before.getEmail()
                  + "\",\"org\":{\"acme\":{\"team\":\"blue\"}}}");

      assertThat(saved.status()).as(saved.body()).isEqualTo(200);
      assertThat(saved.json().path("org").path("acme").path("team").asText()).isEqualTo("blue");
    }

    private String createClient(String clientId) {
      ClientRepresentation client = new ClientRepresentation();
      client.setClientId(clientId);
      try (Response created = f.realm.admin().clients().create(client)) {
        return CreatedResponseUtil.getCreatedId(created);
      }
    }

    private RoleRepresentation clientRole(String clientUuid, String name) {
      RoleRepresentation role = new RoleRepresentation();
      role.setName(name);
      f.realm.admin().clients().get(clientUuid).roles().create(role);
      return f.realm.admin().clients().get(clientUuid).roles().get(name).toRepresentation();
    }

    private RoleRepresentation realmRole(String name) {
      RoleRepresentation role = new RoleRepresentation();
      role.setName(name);
      f.realm.admin().roles().create(role);
      return f.realm.admin().roles().get(name).toRepresentation();
    }
  }

  @Nested
  class ASuspensionOrLockoutMadeElsewhere {

    @Test
    void aUserARealmAdminDisabledInKeycloakStaysDisabled() {
      UserRepresentation disabled = account(f.memberA);
      disabled.setEnabled(false);
      f.realm.admin().users().get(f.memberA).update(disabled);

      Answer unsuspend = f.lead.send("POST", member(f.memberA) + "/unsuspend", null, null);
      Answer suspend =
          f.lead.send(
              "POST", member(f.memberA) + "/suspend", "application/json", "{\"reason\":\"x\"}");

      assertThat(unsuspend.status()).as(unsuspend.body()).isEqualTo(409);
      assertThat(unsuspend.json().path("error_description").asText()).contains("disabled");
      assertThat(suspend.status()).as(suspend.body()).isEqualTo(409);
      assertThat(account(f.memberA).isEnabled()).isFalse();
      assertThat(status(f.memberA).has("suspended_via")).isFalse();
      assertThat(f.realm.tokens().password("member-a", "pw-a-1").ok()).isFalse();
    }

    @Test
    void aUserARealmAdminSuspendedStaysSuspended() {
      f.admin
          .send(
              "POST",
              f.path("/admin/realms/%s/user-data/users/" + f.memberA + "/suspend"),
              "application/json",
              "{\"reason\":\"fraud review\"}")
          .requireStatus(200);

      Answer unsuspend = f.lead.send("POST", member(f.memberA) + "/unsuspend", null, null);
      Answer resuspend =
          f.lead.send(
              "POST",
              member(f.memberA) + "/suspend",
              "application/json",
              "{\"reason\":\"ours now\"}");

      assertThat(unsuspend.status()).as(unsuspend.body()).isEqualTo(409);
      assertThat(unsuspend.json().path("error_description").asText()).contains("a realm admin");
      assertThat(resuspend.status()).as(resuspend.body()).isEqualTo(409);
      assertThat(account(f.memberA).isEnabled()).isFalse();
      JsonNode status = status(f.memberA);
      assertThat(status.path("suspended_reason").asText()).isEqualTo("fraud review");
      assertThat(status.path("suspended_by").asText()).isNotBlank().isNotEqualTo(f.leadId);
      assertThat(status.has("suspended_via")).isFalse();
    }

    @Test
    void aSuspensionThroughAnotherOrganizationIsLiftedOnlyThere() {
      nameDelegatedAdmin(f.globex, f.memberB);
      HttpApi globexLead = f.delegatedAdmin("member-b", "pw-b-1");
      String both = f.members(f.globex) + "/" + f.both;
      globexLead
          .send("POST", both + "/suspend", "application/json", "{\"reason\":\"globex audit\"}")
          .requireStatus(200);

      Answer here = f.lead.send("POST", member(f.both) + "/unsuspend", null, null);

      assertThat(here.status()).as(here.body()).isEqualTo(409);
      assertThat(here.json().path("error_description").asText())
          .contains("another organization")
          .doesNotContain("globex");
      assertThat(account(f.both).isEnabled()).isFalse();
      JsonNode status = status(f.both);
      assertThat(status.path("suspended_by").asText()).isEqualTo(f.memberB);
      assertThat(status.path("suspended_via").asText()).isEqualTo("globex");
      assertThat(f.lead.get(member(f.both)).json().has("suspended_reason")).isFalse();

      globexLead.send("POST", both + "/unsuspend", null, null).requireStatus(200);
      assertThat(account(f.both).isEnabled()).isTrue();
    }

    @Test
    void aRealmAdminsSuspensionTakesOverTheOrganizations() {
      f.lead
          .send("POST", member(f.memberA) + "/suspend", "application/json", "{\"reason\":\"left\"}")
          .requireStatus(200);
      f.admin
          .send(
              "POST",
              f.path("/admin/realms/%s/user-data/users/" + f.memberA + "/suspend"),
              "application/json",
              "{\"reason\":\"fraud review\"}")
          .requireStatus(200);

      Answer unsuspend = f.lead.send("POST", member(f.memberA) + "/unsuspend", null, null);

      assertThat(unsuspend.status()).as(unsuspend.body()).isEqualTo(409);
      assertThat(status(f.memberA).has("suspended_via")).isFalse();
      assertThat(status(f.memberA).path("suspended_by").asText()).isNotEqualTo(f.leadId);
      assertThat(account(f.memberA).isEnabled()).isFalse();
    }

    @Test
    void aTemporaryLockoutIsNotLifted() {
      bruteForceDetection(false);
      lockOut("member-a", f.memberA);

      Answer unsuspend = f.lead.send("POST", member(f.memberA) + "/unsuspend", null, null);

      assertThat(unsuspend.status()).as(unsuspend.body()).isEqualTo(409);
      assertThat(unsuspend.json().path("error_description").asText()).contains("locked out");
      assertThat(lockedOut(f.memberA)).isTrue();
      assertThat(f.realm.tokens().password("member-a", "pw-a-1").ok()).isFalse();
    }

    @Test
    void aPermanentLockoutIsNotLifted() {
      bruteForceDetection(true);
      lockOut("member-a", f.memberA);

      Answer unsuspend = f.lead.send("POST", member(f.memberA) + "/unsuspend", null, null);

      assertThat(unsuspend.status()).as(unsuspend.body()).isEqualTo(409);
      assertThat(unsuspend.json().path("error_description").asText()).contains("locked out");
      assertThat(account(f.memberA).isEnabled()).isFalse();
      assertThat(f.realm.tokens().password("member-a", "pw-a-1").ok()).isFalse();
    }

    @Test
    void theOrganizationsOwnSuspensionRecordsWhoAndWhereAndIsLiftedHere() {
      f.lead
          .send("POST", member(f.memberA) + "/suspend", "application/json", "{\"reason\":\"left\"}")
          .requireStatus(200);

      JsonNode suspended = status(f.memberA);
      Answer unsuspend = f.lead.send("POST", member(f.memberA) + "/unsuspend", null, null);

      assertThat(suspended.path("suspended_by").asText()).isEqualTo(f.leadId);
      assertThat(suspended.path("suspended_via").asText()).isEqualTo("acme");
      assertThat(unsuspend.status()).as(unsuspend.body()).isEqualTo(200);
      JsonNode lifted = status(f.memberA);
      assertThat(lifted.has("suspended_at")).isFalse();
      assertThat(lifted.has("suspended_by")).isFalse();
      assertThat(lifted.has("suspended_via")).isFalse();
      assertThat(f.realm.tokens().password("member-a", "pw-a-1").ok()).isTrue();
    }

    private void bruteForceDetection(boolean permanent) {
      RealmRepresentation bruteForce = new RealmRepresentation();
      bruteForce.setBruteForceProtected(true);
      bruteForce.setPermanentLockout(permanent);
      bruteForce.setMaxTemporaryLockouts(0);
      bruteForce.setFailureFactor(2);
      bruteForce.setWaitIncrementSeconds(600);
      bruteForce.setMaxFailureWaitSeconds(900);
      // Two failures in a row must count as two, not trip the separate quick-login lockout.
      bruteForce.setQuickLoginCheckMilliSeconds(1L);
      f.realm.admin().update(bruteForce);
    }

    /** Fails logins until Keycloak, which counts failures asynchronously, locks the user out. */
    private void lockOut(String username, String userId) {
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      for (int attempt = 0; System.nanoTime() < deadline; attempt++) {
        if (lockedOut(userId)) {
          return;
        }
        if (attempt < 6) {
          f.realm.tokens().password(username, "wrong-" + attempt);
        }
        try {
          Thread.sleep(250);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
      throw new AssertionError("Keycloak did not lock " + username + " out");
    }

    private boolean lockedOut(String userId) {
      Map<String, Object> status = f.realm.admin().attackDetection().bruteForceUserStatus(userId);
      return Boolean.TRUE.equals(status.get("disabled")) || !account(userId).isEnabled();
    }
  }

  @Nested
  class ATokenIssuedToAnotherClient {

    @Test
    void ofAnApplicationOfTheRealmIsRefused() {
      HttpApi stolen = f.realm.http(f.realm.tokens().password("lead", "pw-lead-1").accessToken());

      Answer organizations = stolen.get(f.path("/realms/%s/user-data/organizations"));
      Answer members = stolen.get(f.members(f.acme));
      Answer edit =
          stolen.send(
              "PATCH",
              member(f.memberA),
              "application/merge-patch+json",
              "{\"email\":\"attacker@evil.test\"}");

      assertThat(List.of(organizations, members, edit))
          .allSatisfy(
              answer -> {
                assertThat(answer.status()).as(answer.body()).isEqualTo(403);
                assertThat(answer.json().path("error_description").asText())
                    .contains(TestRealm.APP_CLIENT_ID)
                    .contains("userdata-delegated-admin")
                    .contains("delegated-admin-clients");
              });
      assertThat(account(f.memberA).getEmail()).isEqualTo("member-a@example.test");
    }

    @Test
    void ofThePagesClientIsAccepted(Browser browser) {
      f.admin
          .send("POST", f.path("/admin/realms/%s/user-data/delegated-admin/client"), null, null)
          .requireStatus(201);
      URI page = URI.create(f.realm.baseUrl() + f.path("/realms/%s/user-data/delegated-admin/"));
      Pkce pkce = Pkce.create();

      String code =
          browser.authorizationCode(
              f.realm, "userdata-delegated-admin", page, pkce, "lead", "pw-lead-1");
      String token =
          f.realm
              .tokens()
              .exchangeCode("userdata-delegated-admin", code, page, pkce.verifier())
              .accessToken();

      Answer organizations = f.realm.http(token).get(f.path("/realms/%s/user-data/organizations"));
      assertThat(organizations.status()).as(organizations.body()).isEqualTo(200);
      assertThat(organizations.json().get(0).path("alias").asText()).isEqualTo("acme");
    }

    @Test
    void ofAClientTheServerOptionListsIsAcceptedAndTheOptionShows(Keycloak keycloak) {
      Answer organizations = f.lead.get(f.path("/realms/%s/user-data/organizations"));

      assertThat(organizations.status()).as(organizations.body()).isEqualTo(200);
      assertThat(
              keycloak
                  .serverInfo()
                  .getInfo()
                  .getProviders()
                  .get("realm-restapi-extension")
                  .getProviders()
                  .get("user-data")
                  .getOperationalInfo())
          .containsEntry(
              "delegated-admin-clients",
              "userdata-delegated-admin," + TestRealm.LISTED_DELEGATED_ADMIN_CLIENT_ID);
    }
  }
}

package io.kcuserdata.it.delegation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kcuserdata.it.harness.HttpApi;
import io.kcuserdata.it.harness.HttpApi.Answer;
import io.kcuserdata.it.harness.KeycloakIT;
import io.kcuserdata.it.harness.Realms;
import io.kcuserdata.it.harness.TestRealm;
import io.kcuserdata.it.harness.TestSmtpServer;
import io.kcuserdata.it.webhooks.WebhookEndpointFixture;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.AdminEventRepresentation;

/**
 * Delegated administration per organization: realm admins name an organization's admins, who act on
 * that organization's members with their own token, and on nothing else.
 */
@KeycloakIT
class DelegatedAdministrationIT {

  private TestRealm realm;
  private HttpApi admin;
  private TestSmtpServer smtp;
  private String acme;
  private String globex;
  private String leadId;
  private String memberA;
  private String memberB;
  private String both;
  private HttpApi lead;

  @BeforeEach
  void twoOrganizationsAndALeadWhoAdministersOne(Realms realms, HttpApi admin) {
    this.admin = admin;
    smtp = TestSmtpServer.start();
    realm =
        realms.create(
            r -> {
              r.setOrganizationsEnabled(true);
              r.setAdminEventsEnabled(true);
              r.setAdminEventsDetailsEnabled(true);
              r.setSmtpServer(
                  Map.of(
                      "host", "127.0.0.1",
                      "port", Integer.toString(smtp.port()),
                      "from", "keycloak@example.test"));
            });
    leadId = realm.createUser("lead", "pw-lead-1");
    memberA = realm.createUser("member-a", "pw-a-1");
    memberB = realm.createUser("member-b", "pw-b-1");
    both = realm.createUser("both", "pw-both-1");
    acme = realm.createOrganization("acme", leadId, memberA, both);
    globex = realm.createOrganization("globex", memberB, both);
    admin
        .send(
            "PATCH",
            path("/admin/realms/%s/user-data/users/" + both),
            "application/merge-patch+json",
            "{\"org\":{\"acme\":{\"team\":\"red\"},\"globex\":{\"secret\":\"g-1\"}}}")
        .requireStatus(200);
    admin
        .send(
            "PUT",
            path("/admin/realms/%s/user-data/organizations/" + acme + "/admins/" + leadId),
            null,
            null)
        .requireStatus(204);
    lead = realm.http(realm.tokens().password("lead", "pw-lead-1").accessToken());
  }

  @AfterEach
  void stop() {
    smtp.close();
  }

  private String path(String format) {
    return String.format(format, realm.name());
  }

  private String members(String orgId) {
    return path("/realms/%s/user-data/organizations/" + orgId + "/members");
  }

  private static List<String> usernames(JsonNode members) {
    List<String> names = new ArrayList<>();
    members.forEach(m -> names.add(m.path("username").asText()));
    return names;
  }

  @Nested
  class NamingDelegatedAdmins {

    @Test
    void realmAdminsListWhomTheyNamed() {
      Answer answer =
          admin.get(path("/admin/realms/%s/user-data/organizations/" + acme + "/admins"));

      assertThat(answer.json().toString()).isEqualTo("[\"" + leadId + "\"]");
    }

    @Test
    void needsManageRealm() {
      String id = realm.createUser("helpdesk", "pw-help-1");
      realm.grantClientRole(id, "realm-management", "manage-users");
      realm.grantClientRole(id, "realm-management", "view-realm");
      HttpApi helpdesk = realm.http(realm.tokens().password("helpdesk", "pw-help-1").accessToken());

      Answer answer =
          helpdesk.send(
              "PUT",
              path("/admin/realms/%s/user-data/organizations/" + acme + "/admins/" + id),
              null,
              null);

      assertThat(answer.status()).isEqualTo(403);
    }
  }

  @Nested
  class WhatADelegatedAdminMayDo {

    @Test
    void listAndSearchTheirOrganizationsMembers() {
      assertThat(usernames(lead.get(members(acme)).requireStatus(200).json()))
          .containsExactlyInAnyOrder("lead", "member-a", "both");
      assertThat(usernames(lead.get(members(acme) + "?search=member").json()))
          .containsExactly("member-a");
    }

    @Test
    void createAMemberWithTheirOrganizationsData() {
      Answer created =
          lead.send(
              "POST",
              members(acme),
              "application/json",
              "{\"username\":\"newbie\",\"email\":\"newbie@example.test\",\"first_name\":\"New\","
                  + "\"last_name\":\"Bie\",\"org\":{\"acme\":{\"team\":\"blue\"}}}");

      assertThat(created.status()).as(created.body()).isEqualTo(201);
      assertThat(created.json().path("org").path("acme").path("team").asText()).isEqualTo("blue");
      assertThat(usernames(lead.get(members(acme) + "?search=newbie").json()))
          .containsExactly("newbie");
      assertThat(
              lead.send("POST", members(acme), "application/json", "{\"username\":\"newbie\"}")
                  .status())
          .isEqualTo(409);
      Answer badEmail =
          lead.send(
              "POST",
              members(acme),
              "application/json",
              "{\"username\":\"x1\",\"email\":\"nope\"}");
      assertThat(badEmail.status()).isEqualTo(400);
      assertThat(badEmail.json().path("error_description").asText()).contains("email");
    }

    @Test
    void editAnAccountWhoseNewEmailIsThenUnverified() {
      Answer edited =
          lead.send(
              "PATCH",
              members(acme) + "/" + memberA,
              "application/merge-patch+json",
              "{\"first_name\":\"Alice\",\"email\":\"alice.new@example.test\",\"org\":{\"acme\":{\"team\":\"green\"}}}");

      assertThat(edited.status()).as(edited.body()).isEqualTo(200);
      assertThat(edited.json().path("first_name").asText()).isEqualTo("Alice");
      assertThat(edited.json().path("email").asText()).isEqualTo("alice.new@example.test");
      assertThat(edited.json().path("email_verified").asBoolean()).isFalse();
      assertThat(edited.json().path("org").path("acme").path("team").asText()).isEqualTo("green");
    }

    @Test
    void suspendAndUnsuspendAMember() {
      Answer suspended =
          lead.send(
              "POST",
              members(acme) + "/" + memberA + "/suspend",
              "application/json",
              "{\"reason\":\"left the company\"}");

      assertThat(suspended.status()).as(suspended.body()).isEqualTo(200);
      assertThat(realm.tokens().password("member-a", "pw-a-1").status()).isNotEqualTo(200);
      assertThat(lead.get(members(acme) + "/" + memberA).json().path("suspended_reason").asText())
          .isEqualTo("left the company");
      assertThat(
              lead.send("POST", members(acme) + "/" + memberA + "/unsuspend", null, null).status())
          .isEqualTo(200);
      assertThat(realm.tokens().password("member-a", "pw-a-1").status()).isEqualTo(200);
    }

    @Test
    void sendVerificationAndPasswordResetEmails() throws InterruptedException {
      assertThat(
              lead.send("POST", members(acme) + "/" + memberA + "/send-verify-email", null, null)
                  .status())
          .isEqualTo(204);
      assertThat(smtp.take(Duration.ofSeconds(10))).contains("member-a@example.test");
      assertThat(
              lead.send("POST", members(acme) + "/" + memberA + "/reset-password-email", null, null)
                  .status())
          .isEqualTo(204);
      assertThat(smtp.take(Duration.ofSeconds(10))).contains("member-a@example.test");
    }

    @Test
    void removeAMemberFromTheOrganization() {
      assertThat(lead.send("DELETE", members(acme) + "/" + memberA, null, null).status())
          .isEqualTo(204);

      assertThat(usernames(lead.get(members(acme)).json())).doesNotContain("member-a");
      assertThat(realm.admin().users().get(memberA).toRepresentation().getUsername())
          .isEqualTo("member-a");
    }

    @Test
    void webhooksSeeADelegatedAdminsActionsAsARealmAdminsOnes() throws Exception {
      try (WebhookEndpointFixture hooks = new WebhookEndpointFixture(realm, admin)) {
        lead.send("POST", members(acme), "application/json", "{\"username\":\"hooked\"}")
            .requireStatus(201);
        lead.send(
                "POST",
                members(acme) + "/" + memberA + "/suspend",
                "application/json",
                "{\"reason\":\"audit\"}")
            .requireStatus(200);

        JsonNode created = hooks.awaitType("user.created", Duration.ofSeconds(20));
        hooks.assertSignedAndValid(created);
        assertThat(created.path("data").path("actor").toString()).contains(leadId);
        hooks.assertSignedAndValid(
            hooks.awaitType("organization.member_added", Duration.ofSeconds(20)));
        hooks.assertSignedAndValid(hooks.awaitType("user.suspended", Duration.ofSeconds(20)));
      }
    }

    @Test
    void everyActionIsAnAdminEventNamingTheDelegatedAdmin() {
      lead.send(
              "PATCH",
              members(acme) + "/" + memberA,
              "application/merge-patch+json",
              "{\"last_name\":\"Changed\"}")
          .requireStatus(200);

      List<AdminEventRepresentation> events = realm.admin().getAdminEvents();
      assertThat(events)
          .anySatisfy(
              e -> {
                assertThat(e.getResourcePath()).isEqualTo("users/" + memberA);
                assertThat(e.getOperationType()).isEqualTo("UPDATE");
                assertThat(e.getAuthDetails().getUserId()).isEqualTo(leadId);
              });
    }
  }

  @Nested
  class AndNothingElse {

    @Test
    void anotherOrganizationIsNotFound() {
      assertThat(lead.get(members(globex)).status()).isEqualTo(404);
      assertThat(lead.get(members("no-such-org")).status()).isEqualTo(404);
    }

    @Test
    void anotherOrganizationsMemberIsNotFoundForAnyAction() {
      String b = members(acme) + "/" + memberB;
      assertThat(lead.get(b).status()).isEqualTo(404);
      assertThat(lead.send("PATCH", b, "application/json", "{\"first_name\":\"X\"}").status())
          .isEqualTo(404);
      assertThat(
              lead.send("POST", b + "/suspend", "application/json", "{\"reason\":\"x\"}").status())
          .isEqualTo(404);
      assertThat(lead.send("DELETE", b, null, null).status()).isEqualTo(404);
      assertThat(usernames(lead.get(members(acme) + "?search=member-b").json())).isEmpty();
      assertThat(realm.admin().users().get(memberB).toRepresentation().getFirstName())
          .isEqualTo("Member-b");
    }

    @Test
    void aMemberOfTwoOrganizationsShowsAndTakesOnlyTheAdministeredOnesData() {
      JsonNode seen = lead.get(members(acme) + "/" + both).json();
      Answer otherOrg =
          lead.send(
              "PATCH",
              members(acme) + "/" + both,
              "application/json",
              "{\"org\":{\"globex\":{\"secret\":\"overwritten\"}}}");

      assertThat(seen.path("org").has("globex")).isFalse();
      assertThat(seen.path("org").path("acme").path("team").asText()).isEqualTo("red");
      assertThat(seen.toString()).doesNotContain("g-1");
      assertThat(otherOrg.status()).isEqualTo(403);
      JsonNode data = admin.get(path("/admin/realms/%s/user-data/users/" + both)).json();
      assertThat(data.path("org").path("globex").path("secret").asText()).isEqualTo("g-1");
    }

    @Test
    void rolesAppMetadataAndEnabledAreRefusedByName() {
      for (String body :
          List.of(
              "{\"realm_roles\":[\"admin\"]}",
              "{\"app_metadata\":{\"tier\":\"gold\"}}",
              "{\"enabled\":false}",
              "{\"username\":\"renamed\"}")) {
        Answer answer = lead.send("PATCH", members(acme) + "/" + memberA, "application/json", body);
        assertThat(answer.status()).as(body).isEqualTo(403);
        assertThat(answer.json().path("error_description").asText()).as(body).contains("only");
      }
    }

    @Test
    void aRealmAdministratorWhoIsAMemberIsOutOfReach() {
      realm.grantClientRole(both, "realm-management", "manage-users");

      assertThat(
              lead.send(
                      "POST",
                      members(acme) + "/" + both + "/suspend",
                      "application/json",
                      "{\"reason\":\"x\"}")
                  .status())
          .isEqualTo(403);
      assertThat(
              lead.send(
                      "PATCH",
                      members(acme) + "/" + both,
                      "application/json",
                      "{\"email\":\"evil@x.test\"}")
                  .status())
          .isEqualTo(403);
    }

    @Test
    void withoutATokenOrAsAnOrdinaryMemberTheOrganizationIsClosed() {
      HttpApi anonymous = realm.http(null);
      HttpApi ordinary = realm.http(realm.tokens().password("member-a", "pw-a-1").accessToken());

      assertThat(anonymous.get(members(acme)).status()).isEqualTo(401);
      assertThat(ordinary.get(members(acme)).status()).isEqualTo(404);
    }
  }
}

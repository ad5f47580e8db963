package io.kcuserdata.it.delegation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kcuserdata.it.harness.HttpApi;
import io.kcuserdata.it.harness.HttpApi.Answer;
import io.kcuserdata.it.harness.KeycloakIT;
import io.kcuserdata.it.harness.Realms;
import io.kcuserdata.it.webhooks.WebhookEndpointFixture;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.AdminEventRepresentation;

/**
 * Delegated administration: realm admins name an organization's admins, who act on its members with
 * their own token.
 */
@KeycloakIT
class DelegatedAdminActionsIT {

  private TwoOrganizations f;

  @BeforeEach
  void twoOrganizationsAndALeadWhoAdministersOne(Realms realms, HttpApi admin) {
    f = new TwoOrganizations(realms, admin);
  }

  @AfterEach
  void stop() {
    f.close();
  }

  @Nested
  class NamingDelegatedAdmins {

    @Test
    void realmAdminsListWhomTheyNamed() {
      Answer answer =
          f.admin.get(f.path("/admin/realms/%s/user-data/organizations/" + f.acme + "/admins"));

      assertThat(answer.json().toString()).isEqualTo("[\"" + f.leadId + "\"]");
    }

    @Test
    void aDelegatedAdminFindsTheOrganizationsTheyAdminister() {
      JsonNode mine =
          f.lead.get(f.path("/realms/%s/user-data/organizations")).requireStatus(200).json();
      JsonNode none =
          f.delegatedAdmin("member-a", "pw-a-1")
              .get(f.path("/realms/%s/user-data/organizations"))
              .json();

      assertThat(mine.size()).isEqualTo(1);
      assertThat(mine.get(0).path("id").asText()).isEqualTo(f.acme);
      assertThat(mine.get(0).path("alias").asText()).isEqualTo("acme");
      assertThat(none.size()).isZero();
    }

    @Test
    void needsManageRealm() {
      String id = f.realm.createUser("helpdesk", "pw-help-1");
      f.realm.grantClientRole(id, "realm-management", "manage-users");
      f.realm.grantClientRole(id, "realm-management", "view-realm");
      HttpApi helpdesk =
          f.realm.http(f.realm.tokens().password("helpdesk", "pw-help-1").accessToken());

      Answer answer =
          helpdesk.send(
              "PUT",
              f.path("/admin/realms/%s/user-data/organizations/" + f.acme + "/admins/" + id),
              null,
              null);

      assertThat(answer.status()).isEqualTo(403);
    }
  }

  @Nested
  class WhatADelegatedAdminMayDo {

    @Test
    void listAndSearchTheirOrganizationsMembers() {
      assertThat(
              TwoOrganizations.usernames(f.lead.get(f.members(f.acme)).requireStatus(200).json()))
          .containsExactlyInAnyOrder("lead", "member-a", "both");
      assertThat(
              TwoOrganizations.usernames(f.lead.get(f.members(f.acme) + "?search=member").json()))
          .containsExactly("member-a");
    }

    @Test
    void createAMemberWithTheirOrganizationsData() {
      Answer created =
          f.lead.send(
              "POST",
              f.members(f.acme),
              "application/json",
              "{\"username\":\"newbie\",\"email\":\"newbie@example.test\",\"first_name\":\"New\","
                  + "\"last_name\":\"Bie\",\"org\":{\"acme\":{\"team\":\"blue\"}}}");

      assertThat(created.status()).as(created.body()).isEqualTo(201);
      assertThat(created.json().path("org").path("acme").path("team").asText()).isEqualTo("blue");
      assertThat(
              TwoOrganizations.usernames(f.lead.get(f.members(f.acme) + "?search=newbie").json()))
          .containsExactly("newbie");
      assertThat(
              f.lead
                  .send("POST", f.members(f.acme), "application/json", "{\"username\":\"newbie\"}")
                  .status())
          .isEqualTo(409);
      Answer badEmail =
          f.lead.send(
              "POST",
              f.members(f.acme),
              "application/json",
              "{\"username\":\"x1\",\"email\":\"nope\"}");
      assertThat(badEmail.status()).isEqualTo(400);
      assertThat(badEmail.json().path("error_description").asText()).contains("email");
    }

    @Test
    void editAnAccountWhoseNewEmailIsThenUnverified() {
      Answer edited =
          f.lead.send(
              "PATCH",
              f.members(f.acme) + "/" + f.memberA,
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
          f.lead.send(
              "POST",
              f.members(f.acme) + "/" + f.memberA + "/suspend",
              "application/json",
              "{\"reason\":\"left the company\"}");

      assertThat(suspended.status()).as(suspended.body()).isEqualTo(200);
      assertThat(f.realm.tokens().password("member-a", "pw-a-1").status()).isNotEqualTo(200);
      assertThat(
              f.lead
                  .get(f.members(f.acme) + "/" + f.memberA)
                  .json()
                  .path("suspended_reason")
                  .asText())
          .isEqualTo("left the company");
      assertThat(
              f.lead
                  .send("POST", f.members(f.acme) + "/" + f.memberA + "/unsuspend", null, null)
                  .status())
          .isEqualTo(200);
      assertThat(f.realm.tokens().password("member-a", "pw-a-1").status()).isEqualTo(200);
    }

    @Test
    void sendVerificationAndPasswordResetEmails() throws InterruptedException {
      assertThat(
              f.lead
                  .send(
                      "POST",
                      f.members(f.acme) + "/" + f.memberA + "/send-verify-email",
                      null,
                      null)
                  .status())
          .isEqualTo(204);
      assertThat(f.smtp.take(Duration.ofSeconds(10))).contains("member-a@example.test");
      assertThat(
              f.lead
                  .send(
                      "POST",
                      f.members(f.acme) + "/" + f.memberA + "/reset-password-email",
                      null,
                      null)
                  .status())
          .isEqualTo(204);
      assertThat(f.smtp.take(Duration.ofSeconds(10))).contains("member-a@example.test");
    }

    @Test
    void removeAMemberFromTheOrganization() {
      assertThat(f.lead.send("DELETE", f.members(f.acme) + "/" + f.memberA, null, null).status())
          .isEqualTo(204);

      assertThat(TwoOrganizations.usernames(f.lead.get(f.members(f.acme)).json()))
          .doesNotContain("member-a");
      assertThat(f.realm.admin().users().get(f.memberA).toRepresentation().getUsername())
          .isEqualTo("member-a");
    }

    @Test
    void webhooksSeeADelegatedAdminsActionsAsARealmAdminsOnes() throws Exception {
      try (WebhookEndpointFixture hooks = new WebhookEndpointFixture(f.realm, f.admin)) {
        f.lead
            .send("POST", f.members(f.acme), "application/json", "{\"username\":\"hooked\"}")
            .requireStatus(201);
        f.lead
            .send(
                "POST",
                f.members(f.acme) + "/" + f.memberA + "/suspend",
                "application/json",
                "{\"reason\":\"audit\"}")
            .requireStatus(200);

        JsonNode created = hooks.awaitType("user.created", Duration.ofSeconds(20));
        hooks.assertSignedAndValid(created);
        assertThat(created.path("data").path("actor").toString()).contains(f.leadId);
        hooks.assertSignedAndValid(
            hooks.awaitType("organization.member_added", Duration.ofSeconds(20)));
        hooks.assertSignedAndValid(hooks.awaitType("user.suspended", Duration.ofSeconds(20)));
      }
    }

    @Test
    void everyActionIsAnAdminEventNamingTheDelegatedAdmin() {
      f.lead
          .send(
              "PATCH",
              f.members(f.acme) + "/" + f.memberA,
              "application/merge-patch+json",
              "{\"last_name\":\"Changed\"}")
          .requireStatus(200);

      List<AdminEventRepresentation> events = f.realm.admin().getAdminEvents();
      assertThat(events)
          .anySatisfy(
              e -> {
                assertThat(e.getResourcePath()).isEqualTo("users/" + f.memberA);
                assertThat(e.getOperationType()).isEqualTo("UPDATE");
                assertThat(e.getAuthDetails().getUserId()).isEqualTo(f.leadId);
              });
    }
  }
}

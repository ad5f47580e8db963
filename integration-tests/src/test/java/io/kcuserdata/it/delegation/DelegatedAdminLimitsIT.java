package io.kcuserdata.it.delegation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kcuserdata.it.harness.HttpApi;
import io.kcuserdata.it.harness.HttpApi.Answer;
import io.kcuserdata.it.harness.KeycloakIT;
import io.kcuserdata.it.harness.Realms;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Delegated administration reaches one organization's members and nothing else. */
@KeycloakIT
class DelegatedAdminLimitsIT {

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
  class AndNothingElse {

    @Test
    void anotherOrganizationIsNotFound() {
      assertThat(f.lead.get(f.members(f.globex)).status()).isEqualTo(404);
      assertThat(f.lead.get(f.members("no-such-org")).status()).isEqualTo(404);
    }

    @Test
    void anotherOrganizationsMemberIsNotFoundForAnyAction() {
      String b = f.members(f.acme) + "/" + f.memberB;
      assertThat(f.lead.get(b).status()).isEqualTo(404);
      assertThat(f.lead.send("PATCH", b, "application/json", "{\"first_name\":\"X\"}").status())
          .isEqualTo(404);
      assertThat(
              f.lead
                  .send("POST", b + "/suspend", "application/json", "{\"reason\":\"x\"}")
                  .status())
          .isEqualTo(404);
      assertThat(f.lead.send("DELETE", b, null, null).status()).isEqualTo(404);
      assertThat(
              TwoOrganizations.usernames(f.lead.get(f.members(f.acme) + "?search=member-b").json()))
          .isEmpty();
      assertThat(f.realm.admin().users().get(f.memberB).toRepresentation().getFirstName())
          .isEqualTo("Member-b");
    }

    @Test
    void aMemberOfTwoOrganizationsShowsAndTakesOnlyTheAdministeredOnesData() {
      JsonNode seen = f.lead.get(f.members(f.acme) + "/" + f.both).json();
      Answer otherOrg =
          f.lead.send(
              "PATCH",
              f.members(f.acme) + "/" + f.both,
              "application/json",
              "{\"org\":{\"globex\":{\"secret\":\"overwritten\"}}}");

      assertThat(seen.path("org").has("globex")).isFalse();
      assertThat(seen.path("org").path("acme").path("team").asText()).isEqualTo("red");
      assertThat(seen.toString()).doesNotContain("g-1");
      assertThat(otherOrg.status()).isEqualTo(403);
      JsonNode data = f.admin.get(f.path("/admin/realms/%s/user-data/users/" + f.both)).json();
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
        Answer answer =
            f.lead.send("PATCH", f.members(f.acme) + "/" + f.memberA, "application/json", body);
        assertThat(answer.status()).as(body).isEqualTo(403);
        assertThat(answer.json().path("error_description").asText()).as(body).contains("only");
      }
    }

    @Test
    void aRealmAdministratorWhoIsAMemberIsOutOfReach() {
      f.realm.grantClientRole(f.both, "realm-management", "manage-users");

      assertThat(
              f.lead
                  .send(
                      "POST",
                      f.members(f.acme) + "/" + f.both + "/suspend",
                      "application/json",
                      "{\"reason\":\"x\"}")
                  .status())
          .isEqualTo(403);
      assertThat(
              f.lead
                  .send(
                      "PATCH",
                      f.members(f.acme) + "/" + f.both,
                      "application/json",
                      "{\"email\":\"evil@x.test\"}")
                  .status())
          .isEqualTo(403);
    }

    @Test
    void withoutATokenOrAsAnOrdinaryMemberTheOrganizationIsClosed() {
      HttpApi anonymous = f.realm.http(null);
      HttpApi ordinary = f.delegatedAdmin("member-a", "pw-a-1");

      assertThat(anonymous.get(f.members(f.acme)).status()).isEqualTo(401);
      assertThat(ordinary.get(f.members(f.acme)).status()).isEqualTo(404);
    }
  }
}

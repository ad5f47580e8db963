package io.kcuserdata.it.userdata;

import static org.assertj.core.api.Assertions.assertThat;

import io.kcuserdata.it.harness.HttpApi;
import io.kcuserdata.it.harness.HttpApi.Answer;
import io.kcuserdata.it.harness.KeycloakIT;
import io.kcuserdata.it.harness.Realms;
import io.kcuserdata.it.harness.TestRealm;
import org.junit.jupiter.api.Test;

/** {@code org.<alias>} data belongs to a membership: only members hold it, leaving removes it. */
@KeycloakIT
class OrganizationDataIT {

  @Test
  void isWrittenForMembersAndRemovedWithTheMembership(Realms realms, HttpApi admin) {
    TestRealm realm = realms.create(r -> r.setOrganizationsEnabled(true));
    String aliceId = realm.createUser("alice", "pw-alice-1");
    String acme = realm.createOrganization("acme", aliceId);
    realm.createOrganization("globex", aliceId);
    String path = "/admin/realms/" + realm.name() + "/user-data/users/" + aliceId;

    Answer written =
        admin.send(
            "PATCH",
            path,
            "application/merge-patch+json",
            "{\"org\":{\"acme\":{\"department\":\"R&D\"},\"globex\":{\"cost_center\":\"42\"}}}");
    assertThat(written.status()).as(written.body()).isEqualTo(200);

    realm.admin().organizations().get(acme).members().member(aliceId).delete().close();

    assertThat(admin.get(path).json().path("org").toString())
        .isEqualTo("{\"globex\":{\"cost_center\":\"42\"}}");
    Answer refused =
        admin.send(
            "PATCH", path, "application/merge-patch+json", "{\"org\":{\"acme\":{\"x\":\"y\"}}}");
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().path("error_description").asText())
        .contains("not a member of organization 'acme'");
  }
}

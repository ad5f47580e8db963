package io.kcuserdata.it.userdata;

import static org.assertj.core.api.Assertions.assertThat;

import io.kcuserdata.it.harness.HttpApi;
import io.kcuserdata.it.harness.HttpApi.Answer;
import io.kcuserdata.it.harness.KeycloakIT;
import io.kcuserdata.it.harness.Realms;
import io.kcuserdata.it.harness.TestRealm;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.representations.idm.OrganizationDomainRepresentation;
import org.keycloak.representations.idm.OrganizationRepresentation;

/** {@code org.<alias>} data belongs to a membership: only members hold it, leaving removes it. */
@KeycloakIT
class OrganizationDataIT {

  @Test
  void isWrittenForMembersAndRemovedWithTheMembership(Realms realms, HttpApi admin) {
    TestRealm realm = realms.create(r -> r.setOrganizationsEnabled(true));
    String aliceId = realm.createUser("alice", "pw-alice-1");
    String acme = organization(realm, "acme");
    String globex = organization(realm, "globex");
    realm.admin().organizations().get(acme).members().addMember(aliceId).close();
    realm.admin().organizations().get(globex).members().addMember(aliceId).close();
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

  private static String organization(TestRealm realm, String alias) {
    OrganizationRepresentation org = new OrganizationRepresentation();
    org.setName(alias);
    org.setAlias(alias);
    OrganizationDomainRepresentation domain = new OrganizationDomainRepresentation();
    domain.setName(alias + ".test");
    org.addDomain(domain);
    try (Response created = realm.admin().organizations().create(org)) {
      return CreatedResponseUtil.getCreatedId(created);
    }
  }
}

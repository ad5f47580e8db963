package io.kcuserdata.it.claims;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import io.kcuserdata.it.harness.HttpApi;
import io.kcuserdata.it.harness.KeycloakIT;
import io.kcuserdata.it.harness.Realms;
import io.kcuserdata.it.harness.TestRealm;
import io.kcuserdata.it.harness.VerifiedTokens;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.resource.ClientResource;
import org.keycloak.representations.idm.ClientScopeRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;

/** The claim mapper with {@code namespace=org}: the data of the token's organization only. */
@KeycloakIT
class OrganizationClaimIT {

  private TestRealm realm;

  @BeforeEach
  void aMemberOfTwoOrganizationsWithDataInBoth(Realms realms, HttpApi admin) {
    realm = realms.create(r -> r.setOrganizationsEnabled(true));
    String aliceId = realm.createUser("alice", "pw-alice-1");
    realm.createOrganization("acme", aliceId);
    realm.createOrganization("globex", aliceId);
    admin.send(
        "PATCH",
        "/admin/realms/" + realm.name() + "/user-data/users/" + aliceId,
        "application/merge-patch+json",
        "{\"org\":{\"acme\":{\"department\":\"R&D\"},\"globex\":{\"department\":\"Sales\"}}}");

    ClientResource app =
        realm
            .admin()
            .clients()
            .get(realm.admin().clients().findByClientId("test-app").get(0).getId());
    ClientScopeRepresentation organizationScope =
        realm.admin().clientScopes().findAll().stream()
            .filter(s -> s.getName().equals("organization"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no organization client scope"));
    app.addOptionalClientScope(organizationScope.getId());
    ProtocolMapperRepresentation mapper = new ProtocolMapperRepresentation();
    mapper.setName("organization data");
    mapper.setProtocol("openid-connect");
    mapper.setProtocolMapper("userdata-namespace-claim-mapper");
    mapper.setConfig(
        Map.of("namespace", "org", "claim.name", "org_data", "access.token.claim", "true"));
    app.getProtocolMappers().createMapper(mapper).close();
  }

  @Test
  void carriesTheRequestedOrganizationsDataAndNoOther() {
    JWTClaimsSet acme = accessToken("openid organization:acme");
    JWTClaimsSet globex = accessToken("openid organization:globex");

    assertThat(acme.getClaim("org_data")).isEqualTo(Map.of("department", "R&D"));
    assertThat(globex.getClaim("org_data")).isEqualTo(Map.of("department", "Sales"));
  }

  @Test
  void carriesNothingWithoutASingleOrganization() {
    assertThat(accessToken("openid").getClaim("org_data")).isNull();
    assertThat(accessToken("openid organization:*").getClaim("org_data")).isNull();
  }

  private JWTClaimsSet accessToken(String scope) {
    var tokens = realm.tokens().password("alice", "pw-alice-1", scope);
    assertThat(tokens.ok()).as(tokens.body().toString()).isTrue();
    return new VerifiedTokens(realm).verify(tokens.accessToken());
  }
}

package io.kcuserdata.it.suspension;

import static org.assertj.core.api.Assertions.assertThat;

import io.kcuserdata.it.harness.HttpApi;
import io.kcuserdata.it.harness.HttpApi.Answer;
import io.kcuserdata.it.harness.KeycloakIT;
import io.kcuserdata.it.harness.Realms;
import io.kcuserdata.it.harness.TestRealm;
import io.kcuserdata.it.harness.TokenEndpoint.TokenResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code GET|PUT …/users/{id}/blocked-clients}: the list, and what blocking ends at once. */
@KeycloakIT
class BlockedClientsIT {

  private TestRealm realm;
  private HttpApi admin;
  private String path;

  @BeforeEach
  void aUser(Realms realms, HttpApi admin) {
    this.realm = realms.create();
    this.admin = admin;
    String aliceId = realm.createUser("alice", "pw-alice-1");
    this.path =
        "/admin/realms/" + realm.name() + "/user-data/users/" + aliceId + "/blocked-clients";
  }

  @Test
  void keepsTheListAndEndsTheUsersSessionsWithANewlyBlockedClient() {
    TokenResponse tokens = realm.tokens().password("alice", "pw-alice-1");

    Answer put = admin.send("PUT", path, "application/json", "[\"test-app\",\"test-app\"]");

    assertThat(put.status()).as(put.body()).isEqualTo(200);
    assertThat(admin.get(path).json().toString()).isEqualTo("[\"test-app\"]");
    assertThat(realm.tokens().refresh(tokens.refreshToken()).error()).isEqualTo("invalid_grant");
  }

  @Test
  void anEmptyListUnblocks() {
    admin.send("PUT", path, "application/json", "[\"test-app\"]");

    admin.send("PUT", path, "application/json", "[]");

    assertThat(admin.get(path).json().toString()).isEqualTo("[]");
  }

  @Test
  void refusesUnknownClientsAndNonLists() {
    for (String body : new String[] {"[\"nope\"]", "{\"clients\":[]}", "[1]"}) {
      Answer answer = admin.send("PUT", path, "application/json", body);
      assertThat(answer.status()).as(body).isEqualTo(400);
    }
    assertThat(admin.get(path).json().toString()).isEqualTo("[]");
  }
}

package io.kcuserdata.it.status;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kcuserdata.it.harness.Browser;
import io.kcuserdata.it.harness.Eventually;
import io.kcuserdata.it.harness.HttpApi;
import io.kcuserdata.it.harness.KeycloakIT;
import io.kcuserdata.it.harness.LoginOutcome;
import io.kcuserdata.it.harness.Realms;
import io.kcuserdata.it.harness.TestRealm;
import java.net.InetAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.userprofile.config.UPConfig.UnmanagedAttributePolicy;

@KeycloakIT
class AccountStatusIT {

  private static final String PASSWORD = "correct horse battery";

  private TestRealm realm;
  private String userId;

  @BeforeEach
  void realmWithTheListenerEnabled(Realms realms) {
    realm =
        realms
            .create()
            .enableEventListeners("userdata-account-status")
            .unmanagedAttributes(UnmanagedAttributePolicy.ADMIN_VIEW);
    userId = realm.createUser("alice", PASSWORD);
  }

  @Nested
  class ASuccessfulBrowserLogin {

    @Test
    void recordsTheTimeTheAddressAndTheCount(Browser browser) throws Exception {
      Instant before = Instant.now().minusSeconds(1);

      signIn(browser);

      Map<String, List<String>> status = counted(1);
      assertThat(status).containsEntry("status.login_count", List.of("1"));
      Instant at = Instant.parse(status.get("status.last_login_at").get(0));
      assertThat(at).isBetween(before, Instant.now().plusSeconds(1));
      String ip = status.get("status.last_login_ip").get(0);
      assertThat(InetAddress.getByName(ip).isLoopbackAddress()).as("address %s", ip).isTrue();
    }

    @Test
    void countsEveryLoginAndMovesTheLastLoginForward(Browser browser) {
      signIn(browser);
      Instant first = lastLoginAt(counted(1));

      signIn(browser);

      Map<String, List<String>> status = counted(2);
      assertThat(status).containsEntry("status.login_count", List.of("2"));
      assertThat(lastLoginAt(status)).isAfterOrEqualTo(first);
    }
  }

  @Nested
  class TheUserDataApi {

    @Test
    void showsTheStatusWithTheCountAsANumber(Browser browser, HttpApi admin) {
      signIn(browser);
      signIn(browser);
      counted(2);

      JsonNode status =
          admin
              .get("/admin/realms/" + realm.name() + "/user-data/users/" + userId)
              .json()
              .path("status");

      assertThat(status.path("login_count").isIntegralNumber()).isTrue();
      assertThat(status.path("login_count").asInt()).isEqualTo(2);
      assertThat(status.path("last_login_at").isTextual()).isTrue();
    }
  }

  @Nested
  class AFailedLogin {

    @Test
    void leavesAUserWhoNeverSignedInWithoutStatus(Browser browser) {
      LoginOutcome outcome = browser.login(realm, "alice", "wrong password");

      assertThat(outcome.signedIn()).isFalse();
      assertThat(outcome.error()).contains("Invalid username or password");
      Eventually.settle();
      assertThat(realm.attributes(userId))
          .doesNotContainKeys("status.login_count", "status.last_login_at", "status.last_login_ip");
    }

    @Test
    void changesNothingRecordedByEarlierLogins(Browser browser) {
      signIn(browser);
      Map<String, List<String>> afterSuccess = counted(1);

      LoginOutcome outcome = browser.login(realm, "alice", "wrong password");

      assertThat(outcome.signedIn()).isFalse();
      Eventually.settle();
      assertThat(realm.attributes(userId)).isEqualTo(afterSuccess);
    }

    @Test
    void throughTheDirectGrantChangesNothingEither() {
      assertThat(realm.tokens().password("alice", "wrong password").error())
          .isEqualTo("invalid_grant");

      Eventually.settle();
      assertThat(realm.attributes(userId)).doesNotContainKey("status.login_count");
    }
  }

  @Nested
  class OtherWaysOfSigningIn {

    @Test
    void aDirectGrantCountsAsALogin() {
      assertThat(realm.tokens().password("alice", PASSWORD).ok()).isTrue();

      assertThat(counted(1)).containsEntry("status.login_count", List.of("1"));
    }
  }

  @Nested
  class ManyLoginsAtOnce {

    @Test
    void areEachCountedOnceNoneLostToAConcurrentWrite() throws Exception {
      int logins = 24;
      ExecutorService clients = Executors.newFixedThreadPool(6);
      try {
        List<Future<Boolean>> done = new ArrayList<>();
        for (int i = 0; i < logins; i++) {
          done.add(clients.submit(() -> realm.tokens().password("alice", PASSWORD).ok()));
        }
        for (Future<Boolean> login : done) {
          assertThat(login.get(60, TimeUnit.SECONDS)).isTrue();
        }
      } finally {
        clients.shutdown();
      }

      assertThat(counted(logins)).containsEntry("status.login_count", List.of("24"));
      Eventually.settle();
      assertThat(realm.attributes(userId)).containsEntry("status.login_count", List.of("24"));
    }
  }

  @Test
  void aRealmWithoutTheListenerRecordsNothing(Realms realms, Browser browser) {
    TestRealm plain = realms.create().unmanagedAttributes(UnmanagedAttributePolicy.ADMIN_VIEW);
    String bob = plain.createUser("bob", PASSWORD);

    assertThat(browser.login(plain, "bob", PASSWORD).signedIn()).isTrue();

    Eventually.settle();
    assertThat(plain.attributes(bob)).doesNotContainKey("status.login_count");
  }

  private void signIn(Browser browser) {
    LoginOutcome outcome = browser.login(realm, "alice", PASSWORD);
    assertThat(outcome.signedIn()).as(outcome.pageText()).isTrue();
    assertThat(outcome.code()).isNotBlank();
  }

  /** The user's attributes once the tally has counted {@code logins} (it does so just after). */
  private Map<String, List<String>> counted(int logins) {
    return Eventually.read(
        () -> realm.attributes(userId),
        a -> List.of(Integer.toString(logins)).equals(a.get("status.login_count")));
  }

  private static Instant lastLoginAt(Map<String, List<String>> attributes) {
    return Instant.parse(attributes.get("status.last_login_at").get(0));
  }
}

package io.kcuserdata.events.status.fold;

import static org.assertj.core.api.Assertions.assertThat;

import io.kcuserdata.events.status.fold.PendingLogins.Login;
import io.kcuserdata.events.status.fold.PendingLogins.Pending;
import java.util.List;
import org.junit.jupiter.api.Test;

class PendingLoginsTest {

  @Test
  void gathersEachUsersLoginsKeepingTheLatestTimeAndAddress() {
    List<Pending> pending =
        List.copyOf(
            PendingLogins.of(
                List.of(
                    new Login("1", "r1", "ada", 100, "10.0.0.1"),
                    new Login("2", "r1", "bob", 110, "10.0.0.2"),
                    new Login("3", "r1", "ada", 300, "10.0.0.3"),
                    new Login("4", "r1", "ada", 200, "10.0.0.4"))));

    assertThat(pending)
        .containsExactly(
            new Pending("r1", "ada", List.of("1", "3", "4"), 300, "10.0.0.3"),
            new Pending("r1", "bob", List.of("2"), 110, "10.0.0.2"));
  }

  @Test
  void keepsTheSameUserIdInTwoRealmsApart() {
    assertThat(
            PendingLogins.of(
                List.of(
                    new Login("1", "r1", "same", 1, null), new Login("2", "r2", "same", 2, null))))
        .hasSize(2);
  }

  @Test
  void ofTwoLoginsAtTheSameMomentTakesTheLaterRecorded() {
    assertThat(
            PendingLogins.of(
                List.of(
                    new Login("1", "r", "u", 5, "10.0.0.1"),
                    new Login("2", "r", "u", 5, "10.0.0.2"))))
        .containsExactly(new Pending("r", "u", List.of("1", "2"), 5, "10.0.0.2"));
  }
}

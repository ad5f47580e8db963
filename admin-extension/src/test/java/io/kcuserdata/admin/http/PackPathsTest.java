package io.kcuserdata.admin.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PackPathsTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/admin/realms/acme/user-data",
        "admin/realms/acme/user-data/users/1",
        "/realms/acme/user-data/me",
        "/auth/realms/acme/user-data/organizations/o/members"
      })
  void theTwoRootsAndEverythingUnderThemAreThePacks(String path) {
    assertThat(PackPaths.isPack(path)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/admin/realms/acme/users/1",
        "/realms/acme/protocol/openid-connect/token",
        "/realms/acme/user-database",
        "/admin/realms/acme/identity-provider/instances/x/mappers"
      })
  void keycloaksOwnPathsAreNot(String path) {
    assertThat(PackPaths.isPack(path)).isFalse();
  }
}

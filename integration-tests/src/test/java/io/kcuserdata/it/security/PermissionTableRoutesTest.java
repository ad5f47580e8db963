package io.kcuserdata.it.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The permission matrix covers exactly the routes the pack registers: a new endpoint without rows,
 * or a row left behind by a removed one, fails the build before any server starts.
 */
class PermissionTableRoutesTest {

  @Nested
  class TheRoutesOfThePack {

    @Test
    void comeFromTheTwoRestRootsItRegisters() {
      assertThat(PackRoutes.registeredRootFactories())
          .as(
              "the pack's REST root factories; a new one needs its root class in"
                  + " PackRoutes.ROOTS and rows in PermissionTable")
          .containsExactlyInAnyOrderElementsOf(PackRoutes.ROOTS.keySet());
    }

    @Test
    void includeBothApisAndTheirSubResources() {
      assertThat(PackRoutes.scan().stream().map(Route::toString))
          .contains(
              "GET /admin/realms/{realm}/user-data/users/{id}",
              "POST /admin/realms/{realm}/user-data/webhooks/{id}/deliveries/{deliveryId}/retry",
              "OPTIONS /realms/{realm}/user-data/me",
              "POST /realms/{realm}/user-data/organizations/{orgId}/members/{userId}/suspend");
    }
  }

  @Nested
  class ThePermissionTable {

    @Test
    void hasARowForEveryRouteOfThePack() {
      SortedSet<Route> missing = new TreeSet<>(PackRoutes.scan());
      missing.removeAll(tableRoutes());

      assertThat(missing)
          .as("routes the pack registers without a row in PermissionTable.TABLE")
          .isEmpty();
    }

    @Test
    void hasNoRowForARouteThatDoesNotExist() {
      SortedSet<Route> unknown = new TreeSet<>(tableRoutes());
      unknown.removeAll(PackRoutes.scan());

      assertThat(unknown)
          .as("rows in PermissionTable.TABLE for routes the pack does not register")
          .isEmpty();
    }

    private Set<Route> tableRoutes() {
      return PermissionTable.rows().stream()
          .map(PermissionTable.Row::route)
          .collect(Collectors.toSet());
    }
  }
}

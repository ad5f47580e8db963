package io.kcuserdata.it.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.kcuserdata.it.docs.OpenApiDocument;
import java.util.SortedSet;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/openapi.yaml} describes exactly the routes the pack registers: a new endpoint left
 * out of it, or an operation left behind by a removed one, fails the build before any server
 * starts.
 */
class OpenApiRoutesTest {

  private final SortedSet<String> registered = new TreeSet<>();
  private final SortedSet<String> documented = OpenApiDocument.read().routes();

  OpenApiRoutesTest() {
    PackRoutes.scan().forEach(route -> registered.add(route.toString()));
  }

  @Test
  void describesEveryRouteThePackRegisters() {
    SortedSet<String> missing = new TreeSet<>(registered);
    missing.removeAll(documented);

    assertThat(missing).as("routes the pack registers that docs/openapi.yaml leaves out").isEmpty();
  }

  @Test
  void describesNoRouteThePackDoesNotRegister() {
    SortedSet<String> unknown = new TreeSet<>(documented);
    unknown.removeAll(registered);

    assertThat(unknown)
        .as("operations in docs/openapi.yaml that the pack does not register")
        .isEmpty();
  }
}

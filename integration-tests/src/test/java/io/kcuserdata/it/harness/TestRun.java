package io.kcuserdata.it.harness;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.info.ServerInfoRepresentation;

/**
 * What the whole test run shares: the server, an admin client of its master realm, and the test
 * app's redirect endpoint. Made once; a server that failed to start fails every test at once with
 * the same message instead of being started again for each class.
 */
final class TestRun implements AutoCloseable {

  private final Shared shared;
  private final RuntimeException failure;

  private record Shared(KeycloakServer server, Keycloak admin, TestHttpServer app) {}

  private TestRun(Shared shared, RuntimeException failure) {
    this.shared = shared;
    this.failure = failure;
  }

  static TestRun fromSystemProperties() {
    try {
      URI url = KeycloakExtension.configuredUrl();
      KeycloakServer server =
          url != null
              ? KeycloakServer.running(
                  url,
                  System.getProperty("kc.admin.user", "admin"),
                  System.getProperty("kc.admin.password", "admin"))
              : DistributionServer.start(
                  KeycloakExtension.distributionHome(),
                  Path.of(System.getProperty("kc.log.file", "target/keycloak-server.log")));
      Keycloak admin =
          Keycloak.getInstance(
              server.baseUrl().toString(),
              "master",
              server.adminUser(),
              server.adminPassword(),
              "admin-cli");
      announce(server, admin, url == null);
      TestHttpServer app =
          TestHttpServer.start()
              .respond(
                  "/callback",
                  request -> TestHttpServer.Response.text(200, "signed in to the app"));
      return new TestRun(new Shared(server, admin, app), null);
    } catch (RuntimeException e) {
      return new TestRun(null, e);
    }
  }

  /** Prints the Keycloak version and the pack's providers, failing if none of them loaded. */
  private static void announce(KeycloakServer server, Keycloak admin, boolean expectPack) {
    ServerInfoRepresentation info = admin.serverInfo().getInfo();
    Map<String, String> ours = new TreeMap<>();
    info.getProviders()
        .forEach(
            (spi, providers) ->
                providers.getProviders().keySet().stream()
                    .filter(id -> id.startsWith("userdata"))
                    .forEach(id -> ours.put(spi + "/" + id, id)));
    System.out.printf(
        "Keycloak %s at %s; kc-userdata providers loaded: %s%n",
        info.getSystemInfo().getVersion(), server.baseUrl(), ours.keySet());
    if (expectPack && ours.isEmpty()) {
      throw new IllegalStateException(
          "Keycloak started without any kc-userdata provider: is the bundle in providers/?");
    }
  }

  TestRun get() {
    if (failure != null) {
      throw failure;
    }
    return this;
  }

  KeycloakServer server() {
    return shared.server();
  }

  Keycloak admin() {
    return shared.admin();
  }

  URI appRedirectUri() {
    return shared.app().uri("/callback");
  }

  @Override
  public void close() {
    if (shared != null) {
      shared.app().close();
      shared.admin().close();
      shared.server().close();
    }
  }
}

package io.kcuserdata.it.harness;

import java.net.URI;
import java.util.Optional;

/** The Keycloak server the tests talk to: one per test run, started or already running. */
public interface KeycloakServer extends AutoCloseable {

  /** Base URL, e.g. {@code http://localhost:8080}; realms are under {@code /realms/…}. */
  URI baseUrl();

  String adminUser();

  String adminPassword();

  /** The server's log, when this harness started the server. */
  Optional<ServerLog> log();

  /**
   * The management interface ({@code /metrics}, {@code /health}), when this harness started the
   * server (with metrics enabled).
   */
  default Optional<URI> managementUrl() {
    return Optional.empty();
  }

  /** The JVM serving requests, when this harness started it: benchmarks read its CPU time. */
  default Optional<ProcessHandle> serverProcess() {
    return Optional.empty();
  }

  @Override
  void close();

  /** A server somebody started by hand, for debugging tests against it. */
  static KeycloakServer running(URI baseUrl, String adminUser, String adminPassword) {
    return new KeycloakServer() {
      @Override
      public URI baseUrl() {
        return baseUrl;
      }

      @Override
      public String adminUser() {
        return adminUser;
      }

      @Override
      public String adminPassword() {
        return adminPassword;
      }

      @Override
      public Optional<ServerLog> log() {
        return Optional.empty();
      }

      @Override
      public void close() {
        // Not ours to stop.
      }
    };
  }
}

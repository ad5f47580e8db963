package io.kcuserdata.it.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A PostgreSQL server from Debian's packages ({@code apt-get install postgresql}), started in a
 * folder under {@code target/} on a free loopback port, for tests with several Keycloak nodes.
 * PostgreSQL refuses to run as root, so as root the harness runs it as the {@code postgres} user.
 */
public final class PostgresServer implements AutoCloseable {

  private final Path bin;
  private final Path data;
  private final int port;

  private PostgresServer(Path bin, Path data, int port) {
    this.bin = bin;
    this.data = data;
    this.port = port;
  }

  /** Starts a fresh cluster with a {@code keycloak} database; aborts the test without one. */
  public static PostgresServer start(Path dir) {
    Optional<Path> bin = binaries();
    Assumptions.assumeTrue(
        bin.isPresent(), "PostgreSQL is not installed (apt-get install postgresql); test skipped");
    try {
      deleteTree(dir);
      Files.createDirectories(dir);
      if (root()) {
        UserPrincipalLookupService users = dir.getFileSystem().getUserPrincipalLookupService();
        Files.setOwner(dir, users.lookupPrincipalByName("postgres"));
      }
      Path data = dir.resolve("data");
      int port = freePort();
      PostgresServer server = new PostgresServer(bin.get(), data, port);
      server.run(
          List.of(
              bin.get().resolve("initdb").toString(),
              "-D",
              data.toString(),
              "-U",
              "postgres",
              "-A",
              "trust",
              "-E",
              "UTF8",
              "--no-locale"));
      server.run(
          List.of(
              bin.get().resolve("pg_ctl").toString(),
              "-D",
              data.toString(),
              "-l",
              dir.resolve("postgres.log").toString(),
              "-w",
              "-o",
              "-p "
                  + port
                  + " -k "
                  + dir
                  + " -c listen_addresses=127.0.0.1"
                  + " -c max_connections=200 -c fsync=off",
              "start"));
      server.run(
          List.of(
              bin.get().resolve("psql").toString(),
              "-h",
              "127.0.0.1",
              "-p",
              Integer.toString(port),
              "-U",
              "postgres",
              "-c",
              "create database keycloak"));
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Keycloak's options for this database. */
  public List<String> keycloakOptions() {
    return List.of(
        "--db=postgres",
        "--db-url=jdbc:postgresql://127.0.0.1:" + port + "/keycloak",
        "--db-username=postgres",
        "--db-password=unused");
  }

  private void run(List<String> command) {
    List<String> full = new ArrayList<>();
    if (root()) {
      full.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    full.addAll(command);
    try {
      Process process = new ProcessBuilder(full).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes());
      if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IllegalStateException("failed: " + String.join(" ", full) + "\n" + output);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static Optional<Path> binaries() {
    Path root = Path.of("/usr/lib/postgresql");
    if (!Files.isDirectory(root)) {
      return Optional.empty();
    }
    try (Stream<Path> versions = Files.list(root)) {
      return versions
          .map(v -> v.resolve("bin"))
          .filter(b -> Files.isExecutable(b.resolve("pg_ctl")))
          .max(Comparator.comparing(Path::toString));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static boolean root() {
    return "root".equals(System.getProperty("user.name"));
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> old = Files.walk(dir)) {
      for (Path p : old.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  @Override
  public void close() {
    run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "fast", "stop"));
  }
}

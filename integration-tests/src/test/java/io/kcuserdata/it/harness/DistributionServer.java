package io.kcuserdata.it.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Keycloak started from the unpacked {@code keycloak-quarkus-dist} zip, with the pack's JAR in its
 * {@code providers/}, in dev mode on an in-memory H2 database and free ports.
 */
public final class DistributionServer implements KeycloakServer {

  private static final String ADMIN_USER = "admin";
  private static final String ADMIN_PASSWORD = "admin";
  private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(5);

  /**
   * What the started server lets outbound calls reach; see {@link TestHttpServer#onAllowedHost}.
   */
  static final String ALLOWED_TEST_NETWORK = "127.0.0.2/32";

  private final Process process;
  private final URI baseUrl;
  private final ServerLog log;
  private final URI managementUrl;
  private final Path home;
  private final List<String> dbArgs;

  private DistributionServer(
      Process process,
      URI baseUrl,
      ServerLog log,
      URI managementUrl,
      Path home,
      List<String> dbArgs) {
    this.home = home;
    this.dbArgs = List.copyOf(dbArgs);
    this.process = process;
    this.baseUrl = baseUrl;
    this.log = log;
    this.managementUrl = managementUrl;
  }

  static DistributionServer start(Path home, Path logFile) {
    try {
      Files.deleteIfExists(logFile);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return start(home, logFile, List.of("--db=dev-mem"), freePort(), freePort());
  }

  /**
   * Another server for tests that crash or restart one: its own copy of the distribution under
   * {@code target/<name>} (the shared server's build must not be touched), a database file that
   * survives a kill, free ports kept across restarts.
   */
  public static DistributionServer startCopy(String name) {
    return startCopy(name, List.of("--db=dev-file"));
  }

  /** The same with other database options, e.g. a shared PostgreSQL for a second node. */
  public static DistributionServer startCopy(String name, List<String> dbArgs) {
    return startAt(copy(name), dbArgs);
  }

  /**
   * The copy {@link #startCopy} makes, not started yet: for tests that put files in it first (a
   * realm to import at startup under {@code data/import}).
   */
  public static Path copy(String name) {
    Path source = KeycloakExtension.distributionHome();
    Path copy = source.getParent().resolve(name);
    Copies.copyTree(source, copy);
    return copy;
  }

  /** Starts the server of a {@link #copy} with {@code args} (database options and any others). */
  public static DistributionServer startAt(Path copy, List<String> args) {
    return start(copy, copy.resolve("server.log"), args, freePort(), freePort());
  }

  /** The same server started again (same home, database, ports) after {@link #kill()}. */
  public DistributionServer restart() {
    return start(home, log.file(), dbArgs, baseUrl.getPort(), managementUrl.getPort());
  }

  /** As {@link #restart()}, with {@code moreArgs} added to the options it ran with. */
  public DistributionServer restartWith(List<String> moreArgs) {
    List<String> args = new ArrayList<>(dbArgs);
    args.addAll(moreArgs);
    return start(home, log.file(), args, baseUrl.getPort(), managementUrl.getPort());
  }

  /** SIGKILL to the JVM: no shutdown hook, no orderly close, as in a crash. */
  public void kill() {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    try {
      process.waitFor(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static DistributionServer start(
      Path home, Path logFile, List<String> dbArgs, int httpPort, int managementPort) {
    if (!Files.isRegularFile(home.resolve("bin/kc.sh"))) {
      throw new IllegalStateException(
          "No Keycloak distribution at "
              + home
              + "; run the tests through Maven (./mvnw verify), which unpacks it there.");
    }
    Path vault = writeVault(logFile.getParent().resolve("vault"));
    List<String> command = new ArrayList<>(dbArgs);
    command.addAll(
        0,
        List.of(
            "bash",
            home.resolve("bin/kc.sh").toString(),
            "start-dev",
            "--http-port=" + httpPort,
            "--http-management-port=" + managementPort,
            "--health-enabled=true"));
    command.addAll(
        List.of(
            // One byte over the default: HarnessIT sees the option reach the pack's provider.
            "--spi-userdata--default--max-namespace-bytes=16385",
            // Test APIs and receivers listen on 127.0.0.2; every other private address stays
            // refused, so the SSRF tests see the guard's defaults around one allowed host.
            "--spi-userdata--default--outbound-allow-list=" + ALLOWED_TEST_NETWORK,
            "--metrics-enabled=true",
            // Webhooks retried within seconds, not hours, so the ITs see every step.
            "--spi-events-listener--userdata-webhooks--retry-schedule=1s,1s,1s,1s",
            "--spi-events-listener--userdata-webhooks--poll-interval-ms=200",
            "--spi-events-listener--userdata-webhooks--timeout-ms=3000",
            "--spi-events-listener--userdata-webhooks--lease-seconds=10",
            "--spi-events-listener--userdata-webhooks--secret-key=" + WEBHOOK_SECRET_KEY,
            // Delegated admins' tests sign in through this client as well as the page's.
            "--spi-realm-restapi-extension--user-data--delegated-admin-clients="
                + TestRealm.LISTED_DELEGATED_ADMIN_CLIENT_ID,
            "--vault=file",
            "--vault-dir=" + vault,
            "--spi-vault--file--key-resolvers=KEY_ONLY",
            "--log-console-color=false"));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(home.toFile())
            .redirectErrorStream(true)
            // Appended: a restarted server continues the log of the one it replaces.
            .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
    Map<String, String> env = builder.environment();
    env.put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USER);
    env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
    env.put("JAVA_HOME", System.getProperty("java.home"));
    // For profiling a run, e.g. -Dkc.java.opts.append=-XX:StartFlightRecording=filename=kc.jfr
    String javaOpts = System.getProperty("kc.java.opts.append", "").trim();
    if (!javaOpts.isEmpty()) {
      env.put("JAVA_OPTS_APPEND", javaOpts);
    }
    long started = System.nanoTime();
    Process process;
    try {
      Files.createDirectories(logFile.getParent());
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("could not start " + command, e);
    }
    DistributionServer server =
        new DistributionServer(
            process,
            URI.create("http://localhost:" + httpPort),
            new ServerLog(logFile),
            URI.create("http://localhost:" + managementPort),
            home,
            dbArgs);
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "keycloak-stop"));
    server.awaitReady(URI.create("http://localhost:" + managementPort + "/health/ready"));
    System.out.printf(
        "Keycloak started from %s in %.1f s on %s (log: %s)%n",
        home, (System.nanoTime() - started) / 1e9, server.baseUrl, logFile);
    return server;
  }

  private void awaitReady(URI health) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "Keycloak exited with code "
                + process.exitValue()
                + " while starting:\n"
                + log.tail(80));
      }
      try {
        HttpResponse<Void> response =
            http.send(
                HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(2)).build(),
                HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // The management port opens late in the startup.
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      sleep(Duration.ofMillis(500));
    }
    close();
    throw new IllegalStateException(
        "Keycloak not ready after " + STARTUP_TIMEOUT + ":\n" + log.tail(80));
  }

  @Override
  public URI baseUrl() {
    return baseUrl;
  }

  @Override
  public String adminUser() {
    return ADMIN_USER;
  }

  @Override
  public String adminPassword() {
    return ADMIN_PASSWORD;
  }

  @Override
  public Optional<ServerLog> log() {
    return Optional.of(log);
  }

  @Override
  public Optional<URI> managementUrl() {
    return Optional.of(managementUrl);
  }

  @Override
  public Optional<ProcessHandle> serverProcess() {
    // kc.sh execs java, but a shell in between would leave the JVM as a child.
    return process
        .descendants()
        .filter(p -> p.info().command().orElse("").endsWith("java"))
        .findFirst()
        .or(() -> Optional.of(process.toHandle()));
  }

  @Override
  public void close() {
    if (!process.isAlive()) {
      return;
    }
    // kc.sh execs java; stopping its children too covers a shell that did not.
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Seals webhook secrets in the test server's database (32 bytes of 0x2a, base64). */
  static final String WEBHOOK_SECRET_KEY = "KioqKioqKioqKioqKioqKioqKioqKioqKioqKioqKio=";

  /** The secret every test realm can reference as {@code ${vault.claims-api-token}}. */
  public static final String VAULT_KEY = "claims-api-token";

  public static final String VAULT_SECRET = "vault-bearer-7f3a";

  private static Path writeVault(Path dir) {
    try {
      Files.createDirectories(dir);
      Files.writeString(dir.resolve(VAULT_KEY), VAULT_SECRET);
      return dir.toAbsolutePath();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

package io.kcuserdata.it.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code ./demo.sh} run as a person runs it, on free ports: started, waited for until it prints
 * that it is running, stopped with SIGTERM (what its Ctrl-C trap handles). Every start appends to
 * one log, so a failure shows the whole story.
 */
final class DemoProcess implements AutoCloseable {

  static final String READY = "kc-userdata demo is running";

  /** The four ports the demo takes from the environment. */
  record Ports(int keycloak, int management, int services, int smtp) {
    static Ports free() throws IOException {
      return new Ports(freePort(), freePort(), freePort(), freePort());
    }

    String app() {
      return "http://localhost:" + services;
    }

    String keycloakUrl() {
      return "http://localhost:" + keycloak;
    }
  }

  private final Process process;
  private final Path log;
  private List<ProcessHandle> started = List.of();

  private DemoProcess(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  static DemoProcess start(Path root, Ports ports, boolean reset, Path log) throws IOException {
    ProcessBuilder command =
        reset
            ? new ProcessBuilder("bash", "demo.sh", "--reset")
            : new ProcessBuilder("bash", "demo.sh");
    Files.createDirectories(log.getParent());
    Files.writeString(
        log,
        "\n>>> ./demo.sh" + (reset ? " --reset" : "") + "\n",
        java.nio.file.StandardOpenOption.CREATE,
        java.nio.file.StandardOpenOption.APPEND);
    command
        .directory(root.toFile())
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    command.environment().put("KC_PORT", Integer.toString(ports.keycloak()));
    command.environment().put("KC_MANAGEMENT_PORT", Integer.toString(ports.management()));
    command.environment().put("DEMO_SERVICES_PORT", Integer.toString(ports.services()));
    command.environment().put("DEMO_SMTP_PORT", Integer.toString(ports.smtp()));
    command.environment().put("JAVA_HOME", System.getProperty("java.home"));
    return new DemoProcess(command.start(), log);
  }

  /** Until the demo says it is running; its log in the failure otherwise. */
  void awaitReady(Duration timeout) throws Exception {
    long end = System.nanoTime() + timeout.toNanos();
    int offset = Files.readString(log).lastIndexOf(">>> ./demo.sh");
    while (System.nanoTime() < end) {
      if (Files.readString(log).indexOf(READY, offset) >= 0) {
        started = process.descendants().toList();
        return;
      }
      if (!process.isAlive()) {
        throw new AssertionError("demo.sh ended before it was ready:\n" + Files.readString(log));
      }
      Thread.sleep(1000);
    }
    throw new AssertionError("demo.sh not ready within " + timeout + ":\n" + Files.readString(log));
  }

  /** SIGTERM, as Ctrl-C's trap handles it: everything it started ends, and it says so. */
  void stop() throws Exception {
    process.destroy();
    boolean exited = process.waitFor(90, TimeUnit.SECONDS);
    if (!exited) {
      close();
    }
    assertThat(exited).as("demo.sh ends on SIGTERM; its log: %s", log).isTrue();
    for (ProcessHandle child : started) {
      child.onExit().get(30, TimeUnit.SECONDS);
      assertThat(child.isAlive()).as("left behind: %s", child.info()).isFalse();
    }
    String text = Files.readString(log);
    assertThat(text.substring(text.lastIndexOf(">>> ./demo.sh"))).contains("Stopped.");
  }

  Path log() {
    return log;
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}

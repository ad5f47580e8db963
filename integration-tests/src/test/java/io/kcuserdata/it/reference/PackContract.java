package io.kcuserdata.it.reference;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * What the pack's JAR registers, read by {@link ProviderDump} in a JVM on the Keycloak
 * distribution's own class path: the test's class path has no Keycloak server classes, and loading
 * them here would leave their global state (security providers, logging) in the JVM every other
 * integration test shares.
 */
record PackContract(
    SortedSet<Provider> providers,
    SortedSet<Key> options,
    SortedSet<Key> configKeys,
    SortedSet<String> eventTypes,
    List<String> problems) {

  /** A provider as Keycloak registers it: its SPI's name and its id. */
  record Provider(String spi, String id) implements Comparable<Provider> {
    @Override
    public int compareTo(Provider other) {
      return toString().compareTo(other.toString());
    }

    @Override
    public String toString() {
      return spi + "/" + id;
    }
  }

  /** An option or configuration key of one provider. */
  record Key(Provider provider, String name) implements Comparable<Key> {
    @Override
    public int compareTo(Key other) {
      return toString().compareTo(other.toString());
    }

    /**
     * How an operator sets an SPI option: {@code --spi-<spi>--<provider>--<option>}, the SPI's name
     * in kebab case as Keycloak's command line spells it ({@code eventsListener} → {@code
     * events-listener}).
     */
    String commandLine() {
      return "--spi-" + kebab(provider.spi()) + "--" + provider.id() + "--" + name;
    }

    @Override
    public String toString() {
      return provider + " " + name;
    }
  }

  static String kebab(String name) {
    return name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
  }

  /** Reads the JAR installed in the distribution at {@code kcHome}. */
  static PackContract of(Path kcHome) {
    Path jar = kcHome.resolve("providers/kc-userdata-bundle.jar");
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("no pack JAR at " + jar + ": run the ITs through Maven");
    }
    Path log = kcHome.getParent().resolve("provider-dump.log");
    List<String> command =
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp",
            String.join(
                java.io.File.pathSeparator,
                testClasses().toString(),
                kcHome.resolve("lib/lib/boot/*").toString(),
                kcHome.resolve("lib/lib/main/*").toString(),
                jar.toString()),
            ProviderDump.class.getName(),
            jar.toString());
    try {
      Process process = new ProcessBuilder(command).redirectError(log.toFile()).start();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
        process.destroyForcibly();
        throw new IllegalStateException(
            "reading the pack's providers failed (log: " + log + "):\n" + Files.readString(log));
      }
      return parse(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static PackContract parse(String listing) {
    SortedSet<Provider> providers = new TreeSet<>();
    SortedSet<Key> options = new TreeSet<>();
    SortedSet<Key> config = new TreeSet<>();
    SortedSet<String> events = new TreeSet<>();
    List<String> problems = new ArrayList<>();
    for (String line : listing.split("\n")) {
      String[] f = line.strip().split("\t");
      switch (f[0]) {
        case "provider" -> providers.add(new Provider(f[1], f[2]));
        case "option" -> options.add(new Key(new Provider(f[1], f[2]), f[3]));
        case "config" -> config.add(new Key(new Provider(f[1], f[2]), f[3]));
        case "event" -> events.add(f[1]);
        case "problem" -> problems.add(f[1]);
        default -> {
          if (!line.isBlank()) {
            problems.add("unexpected line: " + line);
          }
        }
      }
    }
    return new PackContract(providers, options, config, events, problems);
  }

  /** The ids of the pack's providers, whatever their SPI. */
  Set<String> ids() {
    Set<String> ids = new TreeSet<>();
    providers.forEach(p -> ids.add(p.id()));
    return ids;
  }

  private static Path testClasses() {
    try {
      return Path.of(
          ProviderDump.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}

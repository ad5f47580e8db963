package io.kcuserdata.it.docs;

import io.kcuserdata.it.docs.DocExamples.Example;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The tested examples of one Markdown file run as a reader would run them: pasted in turn into one
 * bash, so variables one block sets carry into the next. The only change to the text is the
 * server's address: {@code KC=http://localhost:8080}, as the docs define it, becomes the test
 * server's. bash runs with {@code errexit}, {@code nounset} and {@code pipefail}, in a clean
 * environment (no {@code USER}, so an example that forgets to define it fails), in a directory of
 * its own for the files the examples write.
 *
 * <p>A {@code curl} earlier on the {@code PATH} records each call, with its example, and has the
 * real curl also write the answer's headers to a file ({@code -D}, before the example's own
 * options, which thus win): so an answer of 400 or more is seen even where an example does not pass
 * {@code -f}, without changing what the example prints or captures.
 */
final class ExampleScript {

  /** How the docs name the server; the one text replaced. */
  static final Pattern SERVER_VARIABLE =
      Pattern.compile("(?m)^(\\s*)KC=http://localhost:8080\\s*$");

  private static final Duration TIMEOUT = Duration.ofMinutes(3);
  private static final Pattern STATUS = Pattern.compile("^HTTP/\\S+\\s+(\\d{3}).*$");
  private static final Pattern TOKEN = Pattern.compile("eyJ[A-Za-z0-9_=-]+\\.[A-Za-z0-9_.=-]+");

  /** One curl call an example made: the example's index, its arguments, the final status. */
  record Call(int example, List<String> args, Optional<Integer> status) {
    boolean failed() {
      return status.isEmpty() || status.get() >= 400;
    }

    @Override
    public String toString() {
      return status.map(String::valueOf).orElse("no answer")
          + " from curl "
          + shortened(String.join(" ", args));
    }
  }

  /** What bash did: its exit code, the example running when it stopped, output and calls. */
  record Outcome(int exitCode, int lastExample, String output, List<Call> calls) {
    boolean succeeded() {
      return exitCode == 0 && calls.stream().noneMatch(Call::failed);
    }
  }

  private final List<Example> examples;
  private final URI server;
  private final Path dir;
  private final Path realCurl;

  ExampleScript(List<Example> examples, URI server, Path dir, Path realCurl) {
    this.examples = List.copyOf(examples);
    this.server = server;
    this.dir = dir;
    this.realCurl = realCurl;
  }

  /** The script bash runs: each example as written, after a line noting which one runs. */
  String script() {
    String base = server.toString().replaceAll("/$", "");
    StringBuilder script = new StringBuilder("set -euo pipefail\n");
    for (int i = 0; i < examples.size(); i++) {
      script
          .append("printf '%s\\n' ")
          .append(i)
          .append(" > ")
          .append(quoted(dir.resolve("example")));
      script.append('\n');
      Matcher kc = SERVER_VARIABLE.matcher(examples.get(i).text());
      script.append(kc.replaceAll("$1KC=" + Matcher.quoteReplacement(base))).append('\n');
    }
    return script.toString();
  }

  Outcome run() {
    try {
      // A run starts clean: calls or files of an earlier run must not count in this one.
      deleteTree(dir);
      Path bin = Files.createDirectories(dir.resolve("bin"));
      Path work = Files.createDirectories(dir.resolve("work"));
      Path calls = Files.createDirectories(dir.resolve("calls"));
      Files.writeString(dir.resolve("example"), "0\n");
      Path curl = bin.resolve("curl");
      Files.writeString(curl, recorder(calls));
      Files.setPosixFilePermissions(curl, PosixFilePermissions.fromString("rwxr-xr-x"));
      Path script = Files.writeString(dir.resolve("examples.sh"), script());
      Path output = dir.resolve("output.txt");
      ProcessBuilder builder =
          new ProcessBuilder("bash", script.toString())
              .directory(work.toFile())
              .redirectErrorStream(true)
              .redirectOutput(output.toFile());
      Map<String, String> env = builder.environment();
      env.clear();
      env.put("PATH", bin + ":" + System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
      env.put("HOME", work.toString());
      env.put("LANG", "C.UTF-8");
      Process process = builder.start();
      int exit;
      if (process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        exit = process.exitValue();
      } else {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        exit = -1;
      }
      int last = Integer.parseInt(Files.readString(dir.resolve("example")).strip());
      return new Outcome(exit, last, Files.readString(output), calls(calls));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A curl that notes its call and has the real one dump the answer's headers. */
  private String recorder(Path calls) {
    return "#!/bin/bash\n"
        + "calls="
        + quoted(calls)
        + "\n"
        + "n=$(( $(ls \"$calls\" | grep -c '\\.args$' || true) + 1 ))\n"
        + "{ cat "
        + quoted(dir.resolve("example"))
        + "; printf '%s\\n' \"$@\"; } > \"$calls/$n.args\"\n"
        + "exec "
        + quoted(realCurl)
        + " -D \"$calls/$n.headers\" \"$@\"\n";
  }

  private static List<Call> calls(Path dir) throws IOException {
    List<Call> calls = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> args =
          files
              .filter(p -> p.getFileName().toString().endsWith(".args"))
              .sorted(
                  (a, b) ->
                      Integer.compare(
                          number(a.getFileName().toString()), number(b.getFileName().toString())))
              .toList();
      for (Path file : args) {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        Path headers =
            file.resolveSibling(file.getFileName().toString().replace(".args", ".headers"));
        calls.add(
            new Call(
                Integer.parseInt(lines.get(0).strip()),
                lines.subList(1, lines.size()),
                Files.exists(headers)
                    ? finalStatus(Files.readAllLines(headers))
                    : Optional.empty()));
      }
    }
    return calls;
  }

  /** The status of the last answer in a header dump (a redirect or 100 Continue comes first). */
  private static Optional<Integer> finalStatus(List<String> headers) {
    Optional<Integer> status = Optional.empty();
    for (String line : headers) {
      Matcher m = STATUS.matcher(line.strip());
      if (m.matches()) {
        status = Optional.of(Integer.parseInt(m.group(1)));
      }
    }
    return status;
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  private static int number(String name) {
    return Integer.parseInt(name.substring(0, name.indexOf('.')));
  }

  /** Tokens cut short, for messages. */
  static String shortened(String text) {
    return TOKEN.matcher(text).replaceAll("eyJ…");
  }

  private static String quoted(Path path) {
    return "'" + path.toString().replace("'", "'\\''") + "'";
  }
}

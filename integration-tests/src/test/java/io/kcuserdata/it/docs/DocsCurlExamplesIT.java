package io.kcuserdata.it.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.kcuserdata.it.docs.DocExamples.Example;
import io.kcuserdata.it.docs.DocExamples.Marking;
import io.kcuserdata.it.docs.ExampleScript.Call;
import io.kcuserdata.it.docs.ExampleScript.Outcome;
import io.kcuserdata.it.harness.DistributionServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The curl examples of the docs work as written against the demo: a server of its own imports
 * {@code demo/realms/} at startup as {@code ./demo.sh} does (the demo services' URLs lead nowhere
 * here), and each Markdown file's examples marked {@code <!-- tested: demo -->} run in one bash, in
 * order (see {@link ExampleScript}). Each file passes when bash exits 0 and no curl call was
 * answered 400 or more. That every curl example is marked, tested or not, {@code DocExamplesTest}
 * checks without a server.
 */
class DocsCurlExamplesIT {

  private static final Path ROOT = DocExamples.repositoryRoot();

  private static DistributionServer server;
  private static Path realCurl;

  @BeforeAll
  static void startTheDemoRealms() throws IOException {
    realCurl = onPath("curl").orElse(null);
    Assumptions.assumeTrue(
        realCurl != null,
        "curl is not installed (apt-get install curl): the docs' curl examples are not run");
    Path copy = DistributionServer.copy("docs-examples");
    Path imports = Files.createDirectories(copy.resolve("data/import"));
    for (String realm : List.of("acme.json", "upstream.json")) {
      Files.writeString(
          imports.resolve(realm),
          // What demo.sh exports for the import; nothing listens there in this test.
          Files.readString(ROOT.resolve("demo/realms").resolve(realm))
              .replace("${DEMO_KC_URL}", "http://127.0.0.1:9")
              .replace("${DEMO_SERVICES_URL}", "http://127.0.0.1:9")
              .replace(
                  "${DEMO_CLAIMS_SECRET}",
                  "whsec_" + "ZG9jcy1leGFtcGxlcy1ub3QtYS1yZWFsLXNlY3JldA=="));
    }
    server = DistributionServer.startAt(copy, List.of("--db=dev-mem", "--import-realm"));
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @TestFactory
  Stream<DynamicTest> theTestedExamplesOfEachFileRunAsWritten() {
    Map<Path, List<Example>> byFile =
        DocExamples.in(ROOT).stream()
            .filter(e -> e.marking() == Marking.TESTED)
            .collect(Collectors.groupingBy(Example::file, LinkedHashMap::new, Collectors.toList()));
    assertThat(byFile).as("files with tested curl examples").isNotEmpty();
    return byFile.entrySet().stream()
        .map(
            file ->
                DynamicTest.dynamicTest(
                    file.getKey().toString(), () -> runs(file.getKey(), file.getValue())));
  }

  private static void runs(Path file, List<Example> examples) throws IOException {
    Path dir =
        Files.createDirectories(
                Path.of("target", "docs-examples", file.toString().replace('/', '_')))
            .toAbsolutePath();
    Outcome outcome = new ExampleScript(examples, server.baseUrl(), dir, realCurl).run();

    StringBuilder report = new StringBuilder();
    for (int i = 0; i < examples.size(); i++) {
      int index = i;
      List<Call> calls = outcome.calls().stream().filter(c -> c.example() == index).toList();
      report
          .append(String.format("  %s: %d curl call(s)", examples.get(i).where(), calls.size()))
          .append(calls.isEmpty() ? "" : ", answered ")
          .append(
              calls.stream()
                  .map(c -> c.status().map(String::valueOf).orElse("-"))
                  .collect(Collectors.joining(" ")))
          .append('\n');
    }
    System.out.printf("Docs examples of %s:%n%s", file, report);

    assertThat(outcome.succeeded())
        .as(
            "%s: %s%s%nscript: %s%noutput:%n%s",
            file,
            outcome.exitCode() == 0
                ? "the examples ran to the end, but answers were errors"
                : "bash stopped with exit code "
                    + outcome.exitCode()
                    + " in "
                    + examples.get(outcome.lastExample()).where(),
            outcome.calls().stream()
                .filter(Call::failed)
                .map(c -> "\n  " + examples.get(c.example()).where() + ": " + c)
                .collect(Collectors.joining()),
            dir.resolve("examples.sh"),
            ExampleScript.shortened(tail(outcome.output(), 60)))
        .isTrue();
  }

  private static String tail(String text, int lines) {
    List<String> all = text.lines().toList();
    return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
  }

  private static Optional<Path> onPath(String command) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      Path candidate = Path.of(dir.isEmpty() ? "." : dir, command);
      if (Files.isExecutable(candidate)) {
        return Optional.of(candidate.toAbsolutePath());
      }
    }
    return Optional.empty();
  }
}

package io.kcuserdata.it.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.kcuserdata.it.docs.DocExamples.Example;
import io.kcuserdata.it.docs.ExampleScript.Call;
import io.kcuserdata.it.docs.ExampleScript.Outcome;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How the docs' examples are run, with a stand-in for curl that answers the status its URL ends
 * with ({@code http://x/404} answers 404), as the real one would write it with {@code -D}.
 */
class ExampleScriptTest {

  private static final URI SERVER = URI.create("http://localhost:41234/");

  @TempDir Path dir;
  private Path fakeCurl;

  @BeforeEach
  void fakeCurl() throws IOException {
    fakeCurl = dir.resolve("fake-curl");
    Files.writeString(
        fakeCurl,
        "#!/bin/bash\n"
            + "# -D <file> comes first, then the example's own arguments\n"
            + "headers=\"$2\"; url=\"${@: -1}\"\n"
            + "printf 'HTTP/1.1 %s X\\r\\n\\r\\n' \"${url##*/}\" > \"$headers\"\n"
            + "echo \"answer of $url\"\n");
    Files.setPosixFilePermissions(fakeCurl, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  private static Example example(String text) {
    return new Example(Path.of("docs/x.md"), 1, DocExamples.Marking.TESTED, null, text);
  }

  private Outcome run(String... texts) {
    List<Example> examples =
        java.util.Arrays.stream(texts).map(ExampleScriptTest::example).toList();
    return new ExampleScript(examples, SERVER, dir.resolve("run"), fakeCurl).run();
  }

  @Nested
  class TheScript {

    @Test
    void replacesOnlyTheServerVariableTheDocsDefine() {
      String script =
          new ExampleScript(
                  List.of(
                      example("KC=http://localhost:8080\ncurl http://localhost:8080/x $KC/y\n")),
                  SERVER,
                  Path.of("/tmp/x"),
                  Path.of("/usr/bin/curl"))
              .script();

      assertThat(script)
          .startsWith("set -euo pipefail\n")
          .contains("\nKC=http://localhost:41234\n")
          .contains("curl http://localhost:8080/x $KC/y\n");
    }
  }

  @Nested
  class ARun {

    @Test
    void succeedsWhenEveryAnswerIsBelow400() {
      Outcome outcome = run("curl -s http://x/200\ncurl -s http://x/204\n");

      assertThat(outcome.succeeded()).as(outcome.output()).isTrue();
      assertThat(outcome.calls())
          .extracting(Call::status)
          .containsExactly(Optional.of(200), Optional.of(204));
    }

    @Test
    void failsOnAnAnswerOf400OrMoreAlthoughTheExampleDoesNotPassMinusF() {
      Outcome outcome = run("curl -s http://x/412\necho after\n");

      assertThat(outcome.exitCode()).isZero();
      assertThat(outcome.succeeded()).isFalse();
      assertThat(outcome.calls()).singleElement().satisfies(c -> assertThat(c.failed()).isTrue());
    }

    @Test
    void carriesVariablesFromOneExampleToTheNext() {
      Outcome outcome = run("CODE=201\n", "curl -s http://x/$CODE\n");

      assertThat(outcome.succeeded()).as(outcome.output()).isTrue();
      assertThat(outcome.calls())
          .singleElement()
          .satisfies(
              c -> {
                assertThat(c.example()).isEqualTo(1);
                assertThat(c.status()).contains(201);
              });
    }

    @Test
    void stopsInTheExampleThatUsesAVariableNobodySet() {
      Outcome outcome = run("echo first\n", "curl -s http://x/$USER\n", "echo never\n");

      assertThat(outcome.exitCode()).isNotZero();
      assertThat(outcome.lastExample()).isEqualTo(1);
      assertThat(outcome.output()).doesNotContain("never");
    }

    @Test
    void countsOnlyItsOwnCallsWhenItsDirectoryHeldAnEarlierRun() {
      run("curl -s http://x/500\n");

      Outcome again = run("curl -s http://x/200\n");

      assertThat(again.calls()).extracting(Call::status).containsExactly(Optional.of(200));
    }
  }
}

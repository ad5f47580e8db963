package io.kcuserdata.it.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.kcuserdata.it.docs.DocExamples.Example;
import io.kcuserdata.it.docs.DocExamples.Marking;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class DocExamplesTest {

  private static final Path FILE = Path.of("docs/example.md");

  private static List<Example> examples(String markdown) {
    return DocExamples.of(FILE, markdown);
  }

  @Nested
  class TheRepository {

    @Test
    void marksEveryCurlExampleTestedOrNotTestedWithAReason() {
      assertThat(DocExamples.in(DocExamples.repositoryRoot()))
          .filteredOn(e -> e.marking() == Marking.NONE)
          .extracting(Example::where)
          .as(
              "curl examples without <!-- tested: demo --> or <!-- not tested: <why> --> on the"
                  + " line before the fence")
          .isEmpty();
    }

    @Test
    void hasTestedExamplesInTheUserDataGuide() {
      assertThat(DocExamples.in(DocExamples.repositoryRoot()))
          .filteredOn(e -> e.marking() == Marking.TESTED)
          .extracting(Example::where)
          .anyMatch(where -> where.startsWith("docs/user-data.md:"));
    }
  }

  @Nested
  class AShellBlockCallingCurl {

    @Test
    void markedTestedIsRunAgainstTheDemo() {
      List<Example> found =
          examples("Read it:\n\n<!-- tested: demo -->\n```bash\ncurl -s $KC/x\n```\n");

      assertThat(found)
          .singleElement()
          .satisfies(
              e -> {
                assertThat(e.marking()).isEqualTo(Marking.TESTED);
                assertThat(e.line()).isEqualTo(4);
                assertThat(e.text()).isEqualTo("curl -s $KC/x\n");
              });
    }

    @Test
    void markedNotTestedKeepsItsReason() {
      List<Example> found =
          examples("<!-- not tested: needs SMTP -->\n\n```bash\nX=$(curl -s $KC/x)\n```\n");

      assertThat(found)
          .singleElement()
          .satisfies(
              e -> {
                assertThat(e.marking()).isEqualTo(Marking.NOT_TESTED);
                assertThat(e.reason()).isEqualTo("needs SMTP");
              });
    }

    @Test
    void markedNotTestedWithoutAReasonCountsAsUnmarked() {
      assertThat(examples("<!-- not tested: -->\n```bash\ncurl $KC\n```\n"))
          .extracting(Example::marking)
          .containsExactly(Marking.NONE);
    }

    @Test
    void withAMarkingFurtherUpIsUnmarked() {
      assertThat(examples("<!-- tested: demo -->\nSome text.\n```bash\ncurl $KC\n```\n"))
          .extracting(Example::marking)
          .containsExactly(Marking.NONE);
    }

    @Test
    void indentedInAListItemIsFoundWithoutItsIndentation() {
      List<Example> found =
          examples("- item\n\n  <!-- tested: demo -->\n  ```bash\n  curl -s $KC\n  ```\n");

      assertThat(found)
          .singleElement()
          .satisfies(
              e -> {
                assertThat(e.marking()).isEqualTo(Marking.TESTED);
                assertThat(e.text()).isEqualTo("curl -s $KC\n");
              });
    }

    @Test
    void unlabelledOrShLabelledCountsToo() {
      assertThat(examples("```\ncurl $KC\n```\n```sh\ncurl $KC\n```\n")).hasSize(2);
    }
  }

  @Nested
  class IsNoExample {

    @Test
    void whenCurlIsOnlyMentionedInAComment() {
      assertThat(examples("```bash\n# run curl yourself\nls\n```\n")).isEmpty();
    }

    @Test
    void whenTheBlockIsNotShell() {
      assertThat(examples("```json\n{\"cmd\": \"curl x\"}\n```\n")).isEmpty();
    }

    @Test
    void whenCurlIsPartOfAnotherWord() {
      assertThat(examples("```bash\nlibcurl-config --version\n```\n")).isEmpty();
    }
  }
}

package io.kcuserdata.admin.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class NdjsonLinesTest {

  private static NdjsonLines lines(String body, int maxLineBytes, long maxBodyBytes) {
    return new NdjsonLines(
        new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)),
        maxLineBytes,
        maxBodyBytes);
  }

  private static List<NdjsonLines.Line> all(NdjsonLines lines) throws IOException {
    List<NdjsonLines.Line> read = new ArrayList<>();
    for (NdjsonLines.Line line = lines.next(); line != null; line = lines.next()) {
      read.add(line);
    }
    return read;
  }

  private static List<NdjsonLines.Line> all(String body) throws IOException {
    return all(lines(body, 1000, 100_000));
  }

  private static NdjsonLines.Line line(int number, String text) {
    return new NdjsonLines.Line(number, text, false);
  }

  private static NdjsonLines.Line tooLong(int number) {
    return new NdjsonLines.Line(number, null, true);
  }

  @Nested
  class SplittingLines {

    @Test
    void linesEndWithLfAndAreNumberedFromOne() throws IOException {
      assertThat(all("{\"a\":1}\n{\"b\":2}\n"))
          .containsExactly(line(1, "{\"a\":1}"), line(2, "{\"b\":2}"));
    }

    @Test
    void crlfLinesLoseTheirCarriageReturn() throws IOException {
      assertThat(all("a\r\nb\r\n")).containsExactly(line(1, "a"), line(2, "b"));
    }

    @Test
    void aCarriageReturnInsideALineIsKept() throws IOException {
      assertThat(all("a\rb\n")).containsExactly(line(1, "a\rb"));
    }

    @Test
    void theLastLineNeedsNoNewline() throws IOException {
      assertThat(all("a\nb")).containsExactly(line(1, "a"), line(2, "b"));
      assertThat(all("a\nb\r")).containsExactly(line(1, "a"), line(2, "b"));
    }

    @Test
    void blankLinesAreAnsweredEmptyAndCounted() throws IOException {
      assertThat(all("a\n\n\r\nb\n"))
          .containsExactly(line(1, "a"), line(2, ""), line(3, ""), line(4, "b"));
    }

    @Test
    void anEmptyBodyHasNoLine() throws IOException {
      NdjsonLines lines = lines("", 10, 10);

      assertThat(lines.next()).isNull();
      assertThat(lines.lastNumber()).isZero();
      assertThat(lines.bodyTooLarge()).isFalse();
    }

    @Test
    void afterTheEndEveryCallAnswersNullAndTheLastNumberStays() throws IOException {
      NdjsonLines lines = lines("a\nb\n", 10, 100);

      assertThat(all(lines)).hasSize(2);
      assertThat(lines.next()).isNull();
      assertThat(lines.next()).isNull();
      assertThat(lines.lastNumber()).isEqualTo(2);
    }

    @Test
    void utf8MultiByteTextIsDecoded() throws IOException {
      assertThat(all("{\"n\":\"Zoë 東京 🙂\"}\n")).containsExactly(line(1, "{\"n\":\"Zoë 東京 🙂\"}"));
    }
  }

  @Nested
  class TheLineLimit {

    @Test
    void aLineExactlyAtTheLimitIsRead() throws IOException {
      assertThat(all(lines("12345\nab\n", 5, 100)))
          .containsExactly(line(1, "12345"), line(2, "ab"));
    }

    @Test
    void theCarriageReturnOfACrlfLineDoesNotCountAgainstTheLimit() throws IOException {
      assertThat(all(lines("12345\r\n123456\r\n", 5, 100)))
          .containsExactly(line(1, "12345"), tooLong(2));
    }

    @Test
    void aLineLongerThanTheLimitIsReportedAndSkippedToItsEnd() throws IOException {
      assertThat(all(lines("123456\nab\n", 5, 100))).containsExactly(tooLong(1), line(2, "ab"));
    }

    @Test
    void aVeryLongLineIsSkippedWholeAndTheNextOneReadNormally() throws IOException {
      assertThat(all(lines("x".repeat(10_000) + "\nab\n", 5, 100_000)))
          .containsExactly(tooLong(1), line(2, "ab"));
    }

    @Test
    void aTooLongLastLineWithoutNewlineIsReported() throws IOException {
      assertThat(all(lines("ab\n123456", 5, 100))).containsExactly(line(1, "ab"), tooLong(2));
    }

    @Test
    void theLimitCountsBytesNotCharacters() throws IOException {
      String threeTwoByteChars = "ééé";

      assertThat(all(lines(threeTwoByteChars + "\n", 6, 100)))
          .containsExactly(line(1, threeTwoByteChars));
      assertThat(all(lines(threeTwoByteChars + "\n", 5, 100))).containsExactly(tooLong(1));
    }

    @Test
    void aTooLongLineThatWouldSplitACharacterIsNotDecoded() throws IOException {
      assertThat(all(lines("a🙂\nb\n", 3, 100))).containsExactly(tooLong(1), line(2, "b"));
    }
  }

  @Nested
  class TheBodyLimit {

    @Test
    void aBodyExactlyAtTheLimitIsReadWhole() throws IOException {
      NdjsonLines lines = lines("ab\ncd\n", 10, 6);

      assertThat(all(lines)).containsExactly(line(1, "ab"), line(2, "cd"));
      assertThat(lines.bodyTooLarge()).isFalse();
    }

    @Test
    void oneByteOverTheLimitStopsReadingAndSetsBodyTooLarge() throws IOException {
      NdjsonLines lines = lines("ab\ncd\ne", 10, 6);

      assertThat(all(lines)).containsExactly(line(1, "ab"), line(2, "cd"));
      assertThat(lines.bodyTooLarge()).isTrue();
      assertThat(lines.lastNumber()).isEqualTo(2);
    }

    @Test
    void theLineCutByTheLimitIsNotAnswered() throws IOException {
      NdjsonLines lines = lines("ab\ncdef\ngh\n", 10, 5);

      assertThat(all(lines)).containsExactly(line(1, "ab"));
      assertThat(lines.bodyTooLarge()).isTrue();
      assertThat(lines.next()).isNull();
    }

    @Test
    void readingStopsAtTheFirstByteOverTheLimit() throws IOException {
      ByteArrayInputStream body =
          new ByteArrayInputStream("ab\n".repeat(100).getBytes(StandardCharsets.UTF_8));
      NdjsonLines lines = new NdjsonLines(body, 10, 7);

      assertThat(all(lines)).hasSize(2);
      assertThat(body.available()).isEqualTo(300 - 8);
    }
  }
}

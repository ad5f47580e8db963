package io.kcuserdata.mappers.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SkippedImportsTest {

  @Nested
  class AnEntry {

    @Test
    void namesTheTargetTheMapperAndTheReason() {
      assertThat(SkippedImports.entry("custom_data.teams", "teams", "larger than 16384 bytes"))
          .isEqualTo("custom_data.teams (mapper 'teams'): larger than 16384 bytes");
    }

    @Test
    void withoutATargetNamesTheMapperAlone() {
      assertThat(SkippedImports.entry(null, "plan", "imports nothing: target: required"))
          .isEqualTo("mapper 'plan': imports nothing: target: required");
    }

    @Test
    void staysOnOneLineAndWithinTheLength() {
      String entry = SkippedImports.entry("custom_data.x", "a\nb", "r".repeat(500));

      assertThat(entry).doesNotContain("\n").hasSize(SkippedImports.MAX_ENTRY_LENGTH).endsWith("…");
    }
  }

  @Nested
  class TheNote {

    @Test
    void keepsEntriesInOrderAndTheDetailJoinsThem() {
      String note = SkippedImports.append(SkippedImports.append(null, "one"), "two");

      assertThat(SkippedImports.detail(note)).isEqualTo("one; two");
    }

    @Test
    void pastTheCapCountsWhatItLeftOut() {
      String note = null;
      for (int i = 0; i < SkippedImports.MAX_ENTRIES + 3; i++) {
        note = SkippedImports.append(note, "e" + i);
      }

      assertThat(note.split("\n")).hasSize(SkippedImports.MAX_ENTRIES + 1);
      assertThat(SkippedImports.detail(note)).startsWith("e0; e1").endsWith("e9; … and 3 more");
    }

    @Test
    void anEntryThatLooksLikeTheCounterIsStillAnEntry() {
      String note = SkippedImports.append(SkippedImports.append(null, "… and x more"), "next");

      assertThat(SkippedImports.detail(note)).isEqualTo("… and x more; next");
    }
  }
}

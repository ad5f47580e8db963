package io.kcuserdata.mappers.idp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kcuserdata.core.json.Json;
import io.kcuserdata.mappers.idp.TargetSync.Keep;
import io.kcuserdata.mappers.idp.TargetSync.Remove;
import io.kcuserdata.mappers.idp.TargetSync.Write;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class TargetSyncTest {

  private static final JsonNode OLD = Json.NODES.textNode("old");
  private static final JsonNode NEW = Json.NODES.textNode("new");
  private static final JsonNode EDITED = Json.NODES.textNode("edited locally");
  private static final JsonNode SYNCED_OLD = OLD;

  /**
   * @param lastWritten the value the provider last wrote here, as its recorded fingerprint tells;
   *     null when nothing is recorded
   */
  private static TargetSync.Outcome decide(
      UpdatePolicy policy,
      OnMissing onMissing,
      JsonNode current,
      JsonNode incoming,
      JsonNode lastWritten) {
    return TargetSync.decide(
        policy,
        onMissing,
        current,
        Optional.ofNullable(incoming),
        lastWritten != null && lastWritten.equals(current));
  }

  @Nested
  class AValueThatIsNotThereYet {

    @Test
    void isWrittenUnderEveryPolicy() {
      for (UpdatePolicy policy : UpdatePolicy.values()) {
        assertThat(decide(policy, OnMissing.KEEP, null, NEW, null)).isEqualTo(new Write(NEW));
      }
    }
  }

  @Nested
  class AValueThatIsThere {

    @Test
    void overwriteReplacesIt() {
      assertThat(decide(UpdatePolicy.OVERWRITE, OnMissing.KEEP, EDITED, NEW, SYNCED_OLD))
          .isEqualTo(new Write(NEW));
    }

    @Test
    void ifEmptyNeverReplacesIt() {
      assertThat(decide(UpdatePolicy.IF_EMPTY, OnMissing.KEEP, OLD, NEW, SYNCED_OLD))
          .isEqualTo(new Keep());
    }

    @Test
    void preserveLocalEditsReplacesItOnlyWhileNobodyChangedIt() {
      assertThat(decide(UpdatePolicy.PRESERVE_LOCAL_EDITS, OnMissing.KEEP, OLD, NEW, SYNCED_OLD))
          .isEqualTo(new Write(NEW));
      assertThat(decide(UpdatePolicy.PRESERVE_LOCAL_EDITS, OnMissing.KEEP, EDITED, NEW, SYNCED_OLD))
          .isEqualTo(new Keep());
    }

    @Test
    void preserveLocalEditsKeepsAValueThisProviderNeverWrote() {
      assertThat(decide(UpdatePolicy.PRESERVE_LOCAL_EDITS, OnMissing.KEEP, OLD, NEW, null))
          .isEqualTo(new Keep());
    }

    @Test
    void anUnchangedValueNeedsNoWrite() {
      assertThat(decide(UpdatePolicy.OVERWRITE, OnMissing.KEEP, NEW, NEW, null))
          .isEqualTo(new Keep());
    }
  }

  @Nested
  class AClaimTheProviderNoLongerSends {

    @Test
    void keepLeavesTheValue() {
      assertThat(decide(UpdatePolicy.OVERWRITE, OnMissing.KEEP, OLD, null, SYNCED_OLD))
          .isEqualTo(new Keep());
    }

    @Test
    void removeDeletesItUnderOverwrite() {
      assertThat(decide(UpdatePolicy.OVERWRITE, OnMissing.REMOVE, OLD, null, SYNCED_OLD))
          .isEqualTo(new Remove());
    }

    @Test
    void removeNeverDeletesUnderIfEmpty() {
      assertThat(decide(UpdatePolicy.IF_EMPTY, OnMissing.REMOVE, OLD, null, SYNCED_OLD))
          .isEqualTo(new Keep());
    }

    @Test
    void removeSparesALocalEditUnderPreserveLocalEdits() {
      assertThat(decide(UpdatePolicy.PRESERVE_LOCAL_EDITS, OnMissing.REMOVE, OLD, null, SYNCED_OLD))
          .isEqualTo(new Remove());
      assertThat(
              decide(UpdatePolicy.PRESERVE_LOCAL_EDITS, OnMissing.REMOVE, EDITED, null, SYNCED_OLD))
          .isEqualTo(new Keep());
    }

    @Test
    void nothingToRemoveIsNothingToDo() {
      assertThat(decide(UpdatePolicy.OVERWRITE, OnMissing.REMOVE, null, null, null))
          .isEqualTo(new Keep());
    }
  }
}

package io.kcuserdata.mappers.idp;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * What one login from a provider does to one target value, by the update policy and the missing
 * rule. Whether the stored value was edited locally is told by the caller, who compares it with a
 * fingerprint of the value this provider last wrote ({@link SyncFingerprints}).
 */
public final class TargetSync {

  /** The decision for the target. */
  public sealed interface Outcome permits Write, Remove, Keep {}

  public record Write(JsonNode value) implements Outcome {}

  public record Remove() implements Outcome {}

  public record Keep() implements Outcome {}

  private TargetSync() {}

  /**
   * @param current the stored value, or null
   * @param incoming the provider's value, coerced; empty when the provider did not send it
   * @param currentIsLastWritten whether the stored value is the one this provider last wrote here
   *     (false when nothing was recorded, or the record cannot be checked)
   */
  public static Outcome decide(
      UpdatePolicy policy,
      OnMissing onMissing,
      JsonNode current,
      Optional<JsonNode> incoming,
      boolean currentIsLastWritten) {
    if (incoming.isPresent()) {
      JsonNode value = incoming.get();
      if (current == null) {
        return new Write(value);
      }
      if (current.equals(value)) {
        return new Keep();
      }
      return switch (policy) {
        case OVERWRITE -> new Write(value);
        case IF_EMPTY -> new Keep();
        case PRESERVE_LOCAL_EDITS -> currentIsLastWritten ? new Write(value) : new Keep();
      };
    }
    if (onMissing == OnMissing.KEEP || current == null) {
      return new Keep();
    }
    return switch (policy) {
      case OVERWRITE -> new Remove();
      case IF_EMPTY -> new Keep();
      case PRESERVE_LOCAL_EDITS -> currentIsLastWritten ? new Remove() : new Keep();
    };
  }
}

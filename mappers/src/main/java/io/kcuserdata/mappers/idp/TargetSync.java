package io.kcuserdata.mappers.idp;

import com.fasterxml.jackson.databind.JsonNode;
import io.kcuserdata.core.json.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Optional;

/**
 * What one login from a provider does to one target value, by the update policy and the missing
 * rule. Whether the stored value was edited locally is told by comparing it with a fingerprint of
 * the value this provider last wrote.
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
   * @param lastSynced the fingerprint of the value this provider last wrote here, or null
   */
  public static Outcome decide(
      UpdatePolicy policy,
      OnMissing onMissing,
      JsonNode current,
      Optional<JsonNode> incoming,
      String lastSynced) {
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
        case PRESERVE_LOCAL_EDITS ->
            fingerprint(current).equals(lastSynced) ? new Write(value) : new Keep();
      };
    }
    if (onMissing == OnMissing.KEEP || current == null) {
      return new Keep();
    }
    return switch (policy) {
      case OVERWRITE -> new Remove();
      case IF_EMPTY -> new Keep();
      case PRESERVE_LOCAL_EDITS ->
          fingerprint(current).equals(lastSynced) ? new Remove() : new Keep();
    };
  }

  /** A short digest of a value: enough to notice a change, nothing to read the value back from. */
  public static String fingerprint(JsonNode value) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(Json.compact(value).getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is in every JRE", e);
    }
  }
}

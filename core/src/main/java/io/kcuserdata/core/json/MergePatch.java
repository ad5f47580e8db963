package io.kcuserdata.core.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/**
 * JSON Merge Patch, RFC 7396: objects merge member by member, {@code null} removes a member, and
 * anything else (arrays included) replaces the target.
 */
public final class MergePatch {

  private MergePatch() {}

  /**
   * The result of applying {@code patch} to {@code target}. Neither argument is changed.
   *
   * @param target the document, or {@code null} when there is none
   * @return the patched document; {@code null} only when the patch itself is {@code null}
   */
  public static JsonNode apply(JsonNode target, JsonNode patch) {
    if (patch == null || !patch.isObject()) {
      return patch == null || patch.isNull() ? null : patch.deepCopy();
    }
    ObjectNode result =
        target != null && target.isObject() ? ((ObjectNode) target).deepCopy() : Json.object();
    Iterator<Map.Entry<String, JsonNode>> members = patch.fields();
    while (members.hasNext()) {
      Map.Entry<String, JsonNode> member = members.next();
      JsonNode value = member.getValue();
      if (value.isNull()) {
        result.remove(member.getKey());
      } else {
        result.set(member.getKey(), apply(result.get(member.getKey()), value));
      }
    }
    return result;
  }
}

package io.kcuserdata.admin.delegation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kcuserdata.admin.http.ApiError;
import io.kcuserdata.core.json.Json;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What a delegated admin may set on a member, checked before anything is written: the account
 * fields {@code username} (on creation only), {@code first_name}, {@code last_name}, {@code email},
 * and {@code org.<alias>} for their own organization. Anything else (roles, {@code app_metadata},
 * another organization's data, {@code enabled}) is refused by name.
 *
 * @param profile Keycloak user-profile attribute names to values ({@code null} clears)
 * @param orgData a merge patch of {@code org.<alias>}, or {@code null}
 */
record MemberChange(Map<String, String> profile, JsonNode orgData) {

  private static final Map<String, String> FIELDS =
      Map.of(
          "username", "username",
          "first_name", "firstName",
          "last_name", "lastName",
          "email", "email");
  private static final int MAX_TEXT = 255;

  static MemberChange parse(JsonNode body, String alias, boolean creating) {
    if (body == null || !body.isObject()) {
      throw ApiError.invalidRequest("the body is a JSON object");
    }
    Map<String, String> profile = new LinkedHashMap<>();
    JsonNode orgData = null;
    Iterator<Map.Entry<String, JsonNode>> fields = body.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      String name = field.getKey();
      JsonNode value = field.getValue();
      if (name.equals("org")) {
        orgData = orgData(value, alias);
      } else if (FIELDS.containsKey(name) && (creating || !name.equals("username"))) {
        if (!value.isNull() && (!value.isTextual() || value.textValue().length() > MAX_TEXT)) {
          throw ApiError.invalidRequest(
              name + " is a string of at most " + MAX_TEXT + " characters");
        }
        profile.put(FIELDS.get(name), value.isNull() ? null : value.textValue().trim());
      } else {
        throw ApiError.forbidden(
            "a delegated admin may set "
                + (creating ? "username, " : "")
                + "first_name, last_name, email and org."
                + alias
                + " only, not '"
                + (name.length() > 64 ? name.substring(0, 64) + "…" : name)
                + "'");
      }
    }
    if (creating && (profile.get("username") == null || profile.get("username").isEmpty())) {
      throw ApiError.invalidRequest("a new member needs a username");
    }
    return new MemberChange(profile, orgData);
  }

  private static JsonNode orgData(JsonNode value, String alias) {
    if (!value.isObject()) {
      throw ApiError.invalidRequest("org is {\"" + alias + "\":{…}}");
    }
    Set<String> aliases = new HashSet<>();
    value.fieldNames().forEachRemaining(aliases::add);
    if (!aliases.equals(Set.of(alias))) {
      throw ApiError.forbidden("a delegated admin writes org." + alias + " only");
    }
    ObjectNode patch = Json.object();
    patch.putObject("org").set(alias, value.get(alias));
    return patch;
  }
}

package io.kcuserdata.admin.migration.sources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kcuserdata.core.json.Json;

/**
 * Auth0's user export (the export job's JSON lines) and its password-hash export (support ticket)
 * in the pack's format. Auth0's ids and linked identities are kept in {@code app_metadata} for the
 * applications that stored them; the hash file, imported after the users, matches them by email.
 */
final class Auth0Users {

  private Auth0Users() {}

  static JsonNode convert(JsonNode auth0) {
    ObjectNode line = Json.object();
    String email = Lines.text(auth0, "email");
    String userId = Lines.text(auth0, "user_id");
    String hash = Lines.text(auth0, "passwordHash");
    // A line of the hash file carries no Auth0 id: it updates the user with its email, and must
    // not rename that user after the address.
    if (userId != null || hash == null) {
      String username = Lines.text(auth0, "username");
      String name =
          username != null
              ? username
              : email != null ? email : userId != null ? userId.replace('|', '-') : null;
      // A line naming no one stays so, to be refused: never a user called "null".
      if (name != null) {
        line.put("username", name);
      }
    }
    Lines.copyText(auth0, "email", line, "email");
    Lines.copyBoolean(auth0, "email_verified", line, "email_verified");
    Lines.copyText(auth0, "given_name", line, "first_name");
    Lines.copyText(auth0, "family_name", line, "last_name");
    if (auth0.path("blocked").isBoolean()) {
      line.put("enabled", !auth0.path("blocked").booleanValue());
    }
    ObjectNode profile = Json.object();
    for (String key : new String[] {"nickname", "picture", "locale", "name"}) {
      Lines.copyText(auth0, key, profile, key);
    }
    Lines.putIfNotEmpty(line, "profile", profile);
    Lines.copyObject(auth0, "user_metadata", line, "user_metadata");
    ObjectNode appMetadata =
        auth0.path("app_metadata").isObject()
            ? ((ObjectNode) auth0.get("app_metadata")).deepCopy()
            : Json.object();
    if (userId != null) {
      appMetadata.put("auth0_user_id", userId);
    }
    if (auth0.path("identities").isArray() && !auth0.get("identities").isEmpty()) {
      appMetadata.set("auth0_identities", auth0.get("identities").deepCopy());
    }
    Lines.putIfNotEmpty(line, "app_metadata", appMetadata);
    if (hash != null) {
      line.putObject("password_hash").put("algorithm", "bcrypt").put("value", hash);
    }
    return line;
  }
}

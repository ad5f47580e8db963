package io.kcuserdata.admin.migration.sources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kcuserdata.core.json.Json;
import java.util.Locale;

/**
 * Logto's user objects (Management API {@code GET /api/users}, or its {@code users} table as JSON)
 * in the pack's format. Logto records no verification flag for the primary email, so the address is
 * imported unverified: Keycloak asks the user to verify it rather than trusting it.
 */
final class LogtoUsers {

  private LogtoUsers() {}

  static JsonNode convert(JsonNode logto) {
    ObjectNode line = Json.object();
    String id = Lines.text(logto, "id");
    String email = Lines.text(logto, "primaryEmail");
    String username = Lines.text(logto, "username");
    line.put("username", username != null ? username : email != null ? email : id);
    if (email != null) {
      line.put("email", email).put("email_verified", false);
    }
    if (logto.path("isSuspended").isBoolean()) {
      line.put("enabled", !logto.path("isSuspended").booleanValue());
    }
    JsonNode source = logto.path("profile");
    Lines.copyText(source, "givenName", line, "first_name");
    Lines.copyText(source, "familyName", line, "last_name");
    ObjectNode profile = Json.object();
    Lines.copyText(logto, "name", profile, "name");
    Lines.copyText(logto, "avatar", profile, "picture");
    for (String[] pair :
        new String[][] {
          {"middleName", "middle_name"},
          {"nickname", "nickname"},
          {"preferredUsername", "preferred_username"},
          {"profile", "profile"},
          {"website", "website"},
          {"gender", "gender"},
          {"birthdate", "birthdate"},
          {"zoneinfo", "zoneinfo"},
          {"locale", "locale"}
        }) {
      Lines.copyText(source, pair[0], profile, pair[1]);
    }
    if (source.path("address").isObject()) {
      profile.set("address", source.get("address").deepCopy());
    }
    Lines.putIfNotEmpty(line, "profile", profile);
    Lines.copyObject(logto, "customData", line, "custom_data");
    ObjectNode appMetadata = Json.object();
    if (id != null) {
      appMetadata.put("logto_user_id", id);
    }
    if (logto.path("identities").isObject() && !logto.get("identities").isEmpty()) {
      appMetadata.set("logto_identities", logto.get("identities").deepCopy());
    }
    Lines.putIfNotEmpty(line, "app_metadata", appMetadata);
    password(logto, line);
    return line;
  }

  private static void password(JsonNode logto, ObjectNode line) {
    String hash = Lines.text(logto, "passwordEncrypted");
    if (hash == null) {
      return;
    }
    String method =
        String.valueOf(Lines.text(logto, "passwordEncryptionMethod")).toLowerCase(Locale.ROOT);
    // Argon2 hashes are PHC strings and bcrypt hashes modular-crypt strings, as the import takes
    // them; Logto's legacy digests (MD5, SHA-1, SHA-256) are passed on and refused with a reason.
    String algorithm = method.startsWith("argon2") ? "argon2" : method;
    line.putObject("password_hash").put("algorithm", algorithm).put("value", hash);
  }
}

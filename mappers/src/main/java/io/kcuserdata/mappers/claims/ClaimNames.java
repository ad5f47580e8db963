package io.kcuserdata.mappers.claims;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.keycloak.protocol.ProtocolMapperConfigException;

/**
 * The rules for {@code claim.name}. Dots nest the claim ({@code acme.data} gives {@code
 * {"acme":{"data":…}}}) and a backslash escapes a dot, as in Keycloak's own mappers.
 */
final class ClaimNames {

  static final int MAX_LENGTH = 255;

  /**
   * Claims the server sets or clients rely on for security decisions: an object of user data there
   * would be ignored, duplicated in the JSON, or misread as the real thing.
   */
  static final Set<String> RESERVED =
      Set.of(
          ("iss sub aud exp nbf iat jti typ azp acr amr auth_time nonce scope sid session_state"
                  + " at_hash c_hash s_hash cnf client_id realm_access resource_access"
                  + " allowed-origins authorization")
              .split(" "));

  private ClaimNames() {}

  /** The trimmed claim name, if it is one a token can carry. */
  static String check(String raw) throws ProtocolMapperConfigException {
    String name = raw.trim();
    if (!name.isEmpty() && name.chars().allMatch(c -> c == '.')) {
      throw ConfigProblems.invalid(
          "Token claim name " + ConfigProblems.shown(name) + " is only dots: name a claim.");
    }
    if (name.length() > MAX_LENGTH) {
      throw ConfigProblems.invalid(
          "Token claim name is longer than " + MAX_LENGTH + " characters.");
    }
    if (name.chars().anyMatch(Character::isISOControl)) {
      throw ConfigProblems.invalid("Token claim name holds a control character.");
    }
    List<String> path = path(name);
    if (RESERVED.contains(path.get(0))) {
      throw ConfigProblems.invalid(
          "Token claim name "
              + ConfigProblems.shown(name)
              + " would overwrite the "
              + path.get(0)
              + " claim, which the server sets: choose another name.");
    }
    return name;
  }

  /**
   * The nested claim names, unescaped, as Keycloak's {@code JsonUtils.splitClaimPath} reads them.
   */
  static List<String> path(String name) throws ProtocolMapperConfigException {
    List<String> path = new ArrayList<>();
    StringBuilder part = new StringBuilder();
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '\\') {
        if (++i == name.length()) {
          throw ConfigProblems.invalid(
              "Token claim name "
                  + ConfigProblems.shown(name)
                  + " ends with a backslash, which escapes nothing.");
        }
        part.append(name.charAt(i));
      } else if (c == '.') {
        path.add(nonEmpty(name, part));
        part.setLength(0);
      } else {
        part.append(c);
      }
    }
    path.add(nonEmpty(name, part));
    return path;
  }

  private static String nonEmpty(String name, StringBuilder part)
      throws ProtocolMapperConfigException {
    if (part.length() == 0) {
      throw ConfigProblems.invalid(
          "Token claim name "
              + ConfigProblems.shown(name)
              + " has an empty part: it may not start or end with a dot or hold two dots in a"
              + " row.");
    }
    return part.toString();
  }
}

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/** A JWT's header and payload, decoded for reading (the app got them from Keycloak directly). */
final class Jwt {

  private Jwt() {}

  static Map<String, Object> header(String token) throws Json.JsonException {
    return part(token, 0);
  }

  static Map<String, Object> payload(String token) throws Json.JsonException {
    return part(token, 1);
  }

  private static Map<String, Object> part(String token, int index) throws Json.JsonException {
    if (token == null) {
      throw new Json.JsonException("no token in Keycloak's answer");
    }
    String[] parts = token.split("\\.");
    if (parts.length != 3) {
      throw new Json.JsonException("the token is not a signed JWT (" + parts.length + " parts)");
    }
    try {
      return Json.parseObject(
          new String(Base64.getUrlDecoder().decode(parts[index]), StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      throw new Json.JsonException("the token's part " + (index + 1) + " is not base64url");
    }
  }
}

package io.kcuserdata.admin.consent;

import com.fasterxml.jackson.databind.JsonNode;
import io.kcuserdata.admin.http.ApiError;
import io.kcuserdata.core.error.InvalidUserDataException;
import io.kcuserdata.core.namespace.Namespace;
import io.kcuserdata.core.namespace.NamespaceKind;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What an admin asks for: a client scope that carries one namespace to clients only with the user's
 * consent. Defaults give a usable scope from the namespace alone.
 */
record ConsentScopeRequest(
    Namespace namespace, String name, String keys, String claimName, String consentText) {

  private static final Pattern SCOPE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:-]{0,99}");

  private static final Map<NamespaceKind, String> DEFAULT_TEXT =
      Map.of(
          NamespaceKind.PROFILE, "Your profile details",
          NamespaceKind.USER_METADATA, "Your preferences",
          NamespaceKind.CUSTOM_DATA, "Your account data",
          NamespaceKind.IDP, "Data from your linked account",
          NamespaceKind.ORG, "Your organization membership data");

  static ConsentScopeRequest parse(JsonNode body) {
    if (!body.isObject()) {
      throw ApiError.invalidRequest("the body is a JSON object with at least \"namespace\"");
    }
    Namespace namespace;
    try {
      namespace = Namespace.parse(text(body, "namespace", null));
    } catch (InvalidUserDataException e) {
      throw ApiError.invalidRequest("namespace " + e.getMessage());
    }
    if (namespace.kind() == NamespaceKind.APP_METADATA
        || namespace.kind() == NamespaceKind.STATUS) {
      throw ApiError.invalidRequest(
          namespace.name()
              + " is data the user never sees, so a consent screen cannot ask for it; map it with"
              + " userdata-namespace-claim-mapper yourself if you accept exposing it");
    }
    String name = text(body, "name", namespace.name());
    if (!SCOPE_NAME.matcher(name).matches()) {
      throw ApiError.invalidRequest("name must match " + SCOPE_NAME.pattern());
    }
    String consentText = text(body, "consentText", DEFAULT_TEXT.get(namespace.kind()));
    if (consentText.isBlank() || consentText.length() > 255) {
      throw ApiError.invalidRequest("consentText must be 1 to 255 characters");
    }
    return new ConsentScopeRequest(
        namespace, name, text(body, "keys", ""), text(body, "claimName", ""), consentText);
  }

  private static String text(JsonNode body, String field, String fallback) {
    JsonNode value = body.get(field);
    if (value == null || value.isNull()) {
      if (fallback == null) {
        throw ApiError.invalidRequest("\"" + field + "\" is required");
      }
      return fallback;
    }
    if (!value.isTextual()) {
      throw ApiError.invalidRequest("\"" + field + "\" must be a string");
    }
    return value.textValue().trim();
  }
}

package io.kcuserdata.it.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What an error answer of the pack must look like: JSON {@code {"error":…,"error_description":…}},
 * naming no Java class and carrying no stack trace.
 */
final class ErrorBody {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Stack frames, Java packages, exception class names, {@code `Class.member()`} references. */
  private static final List<Pattern> LEAKS =
      List.of(
          Pattern.compile("\\bat [\\w$.]+\\([\\w$]+\\.java:\\d+\\)"),
          Pattern.compile(
              "\\b(java|javax|jakarta|sun|org\\.keycloak|io\\.kcuserdata|com\\.fasterxml"
                  + "|org\\.hibernate|io\\.quarkus|io\\.vertx|org\\.jboss|io\\.smallrye)\\.[a-z]"),
          Pattern.compile("\\b[A-Z]\\w*(Exception|Error)\\b"),
          Pattern.compile("`[A-Z]\\w*\\.\\w+"),
          Pattern.compile("\\.java:\\d+"));

  private ErrorBody() {}

  /**
   * Whether an error is in the form Keycloak itself answers before an endpoint is reached: {@code
   * {"error":"…"}} naming no class, or an empty 400 from its HTTP layer (a URL it cannot decode).
   */
  static boolean isKeycloaks(int status, String body) {
    if (body.isEmpty()) {
      return status == 400;
    }
    List<String> problems = problems(body);
    return problems.size() == 1 && problems.get(0).startsWith("no \"error\"") && hasError(body);
  }

  private static boolean hasError(String body) {
    try {
      return JSON.readTree(body).path("error").isTextual();
    } catch (IOException e) {
      return false;
    }
  }

  /** What is wrong with an error answer's body; empty when it is as the pack promises. */
  static List<String> problems(String body) {
    List<String> problems = new ArrayList<>();
    for (Pattern leak : LEAKS) {
      var found = leak.matcher(body);
      if (found.find()) {
        problems.add("leaks \"" + found.group() + "\"");
      }
    }
    JsonNode json;
    try {
      json = JSON.readTree(body);
    } catch (IOException e) {
      problems.add("not JSON");
      return problems;
    }
    if (json == null || !json.isObject()) {
      problems.add("not a JSON object");
    } else if (!json.path("error").isTextual() || !json.path("error_description").isTextual()) {
      problems.add("no \"error\" and \"error_description\"");
    }
    return problems;
  }
}

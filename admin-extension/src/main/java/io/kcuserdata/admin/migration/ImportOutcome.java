package io.kcuserdata.admin.migration;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kcuserdata.core.json.Json;

/**
 * The result of one import line, as the response reports it: {@code
 * {"line":N,"result":"created|updated|skipped|error","id":…,"error_description":…}}.
 */
record ImportOutcome(int line, String result, String id, String errorDescription) {

  static ImportOutcome error(int line, String id, String description) {
    return new ImportOutcome(line, "error", id, description);
  }

  ObjectNode json() {
    ObjectNode json = Json.object().put("line", line).put("result", result);
    if (id != null) {
      json.put("id", id);
    }
    if (errorDescription != null) {
      json.put("error_description", errorDescription);
    }
    return json;
  }
}

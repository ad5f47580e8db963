package io.kcuserdata.admin.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kcuserdata.admin.http.ApiError;
import io.kcuserdata.core.json.Json;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code fields=} parameter: dotted paths into the record ({@code username}, {@code profile},
 * {@code custom_data.plan}, {@code idp.github}). The id is always kept, as a resumed export needs
 * it for its cursor.
 */
public final class FieldSelection {

  static final int MAX_FIELDS = 200;
  private static final FieldSelection ALL = new FieldSelection(List.of());

  private final List<String[]> paths;

  private FieldSelection(List<String[]> paths) {
    this.paths = paths;
  }

  public static FieldSelection all() {
    return ALL;
  }

  public static FieldSelection parse(String value) {
    if (value == null || value.isBlank()) {
      return ALL;
    }
    Set<String> names = new LinkedHashSet<>();
    names.add("id");
    for (String part : value.split(",")) {
      String name = part.trim();
      if (!name.isEmpty()) {
        names.add(name);
      }
    }
    if (names.size() > MAX_FIELDS) {
      throw ApiError.invalidRequest("fields names at most " + MAX_FIELDS + " paths");
    }
    List<String[]> paths = new ArrayList<>();
    for (String name : names) {
      String[] segments = name.split("\\.", -1);
      if (!RecordFields.all().contains(segments[0])) {
        throw ApiError.invalidRequest(
            "fields: unknown field '"
                + ExportFormat.clip(name)
                + "'; a path starts with one of "
                + String.join(", ", RecordFields.all()));
      }
      for (String segment : segments) {
        if (segment.isEmpty()) {
          throw ApiError.invalidRequest(
              "fields: '" + ExportFormat.clip(name) + "' has an empty path segment");
        }
      }
      paths.add(segments);
    }
    return new FieldSelection(List.copyOf(paths));
  }

  public boolean selectsAll() {
    return paths.isEmpty();
  }

  /** The record with only the selected paths; paths the record lacks are left out. */
  public ObjectNode apply(ObjectNode record) {
    if (selectsAll()) {
      return record;
    }
    ObjectNode kept = Json.object();
    for (String[] path : paths) {
      JsonNode value = record;
      for (String segment : path) {
        value = value == null || !value.isObject() ? null : value.get(segment);
      }
      if (value == null) {
        continue;
      }
      ObjectNode parent = kept;
      for (int i = 0; i < path.length - 1; i++) {
        JsonNode child = parent.get(path[i]);
        parent = child instanceof ObjectNode object ? object : parent.putObject(path[i]);
      }
      parent.set(path[path.length - 1], value.deepCopy());
    }
    return kept;
  }

  /** Whether a CSV column (a dotted name) shows something selected. */
  public boolean keepsColumn(String column) {
    if (selectsAll()) {
      return true;
    }
    for (String[] path : paths) {
      String name = String.join(".", path);
      if (column.equals(name) || column.startsWith(name + ".") || name.startsWith(column + ".")) {
        return true;
      }
    }
    return false;
  }
}

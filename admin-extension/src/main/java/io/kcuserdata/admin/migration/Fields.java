package io.kcuserdata.admin.migration;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Typed reads of an import line's fields, each refusal naming the field and the rule. */
final class Fields {

  static final int MAX_TEXT = 4096;
  static final int MAX_ITEMS = 1000;

  private final JsonNode node;
  private final String where;

  Fields(JsonNode node) {
    this(node, null);
  }

  Fields(JsonNode node, String where) {
    if (node == null || !node.isObject()) {
      throw new InvalidLineException((where == null ? "the line" : where) + " must be an object");
    }
    this.node = node;
    this.where = where;
  }

  String text(String name) {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual() || value.textValue().length() > MAX_TEXT) {
      throw new InvalidLineException(name(name) + " must be a string of at most " + MAX_TEXT);
    }
    return value.textValue().isEmpty() ? null : value.textValue();
  }

  Boolean bool(String name) {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isBoolean()) {
      throw new InvalidLineException(name(name) + " must be true or false");
    }
    return value.booleanValue();
  }

  JsonNode object(String name) {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isObject()) {
      throw new InvalidLineException(name(name) + " must be a JSON object");
    }
    return value;
  }

  List<JsonNode> array(String name) {
    JsonNode value = node.get(name);
    List<JsonNode> items = new ArrayList<>();
    if (value == null || value.isNull()) {
      return items;
    }
    if (!value.isArray() || value.size() > MAX_ITEMS) {
      throw new InvalidLineException(name(name) + " must be an array of at most " + MAX_ITEMS);
    }
    value.forEach(items::add);
    return items;
  }

  List<String> texts(String name) {
    List<String> texts = new ArrayList<>();
    for (JsonNode item : array(name)) {
      if (!item.isTextual() || item.textValue().isEmpty() || item.textValue().length() > MAX_TEXT) {
        throw new InvalidLineException(name(name) + " must hold non-empty strings");
      }
      texts.add(item.textValue());
    }
    return texts;
  }

  private String name(String name) {
    return where == null ? name : where + "." + name;
  }
}

package io.kcuserdata.admin.migration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kcuserdata.core.namespace.Namespace;
import io.kcuserdata.core.namespace.NamespaceKind;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One line of an import, checked for shape: the export's record format plus an optional {@code
 * password_hash}. Fields the export writes but an import cannot set ({@code created_at}, {@code
 * credentials}, {@code status}) are accepted and ignored, so an export imports as it is.
 */
record ImportRecord(
    String id,
    String username,
    String firstName,
    String lastName,
    String email,
    Boolean emailVerified,
    Boolean enabled,
    Map<Namespace, ObjectNode> namespaces,
    List<Link> identities,
    List<String> realmRoles,
    Map<String, List<String>> clientRoles,
    List<String> groups,
    List<String> organizations,
    List<String> requiredActions,
    JsonNode passwordHash) {

  record Link(String provider, String userId, String userName) {}

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,36}");

  static ImportRecord parse(JsonNode line) {
    if (line == null || !line.isObject()) {
      throw new InvalidLineException("a line is one JSON object");
    }
    Fields f = new Fields(line);
    String id = f.text("id");
    if (id != null && !ID.matcher(id).matches()) {
      throw new InvalidLineException("id must be 1 to 36 letters, digits, '-' or '_'");
    }
    String username = f.text("username");
    String email = f.text("email");
    if (id == null && username == null && email == null) {
      throw new InvalidLineException("a line needs an id, a username or an email to match a user");
    }
    return new ImportRecord(
        id,
        username,
        f.text("first_name"),
        f.text("last_name"),
        email,
        f.bool("email_verified"),
        f.bool("enabled"),
        namespaces(line),
        links(f.array("federated_identities")),
        f.texts("realm_roles"),
        clientRoles(f),
        f.texts("groups"),
        f.texts("organizations"),
        f.texts("required_actions"),
        line.get("password_hash"));
  }

  private static Map<Namespace, ObjectNode> namespaces(JsonNode line) {
    Map<Namespace, ObjectNode> namespaces = new LinkedHashMap<>();
    for (NamespaceKind kind : NamespaceKind.values()) {
      JsonNode value = line.get(kind.prefix());
      if (value == null || value.isNull() || kind == NamespaceKind.STATUS) {
        continue;
      }
      if (!value.isObject()) {
        throw new InvalidLineException(kind.prefix() + " must be a JSON object");
      }
      if (!kind.scoped()) {
        namespaces.put(new Namespace(kind, null), (ObjectNode) value);
        continue;
      }
      Iterator<Map.Entry<String, JsonNode>> aliases = value.fields();
      while (aliases.hasNext()) {
        Map.Entry<String, JsonNode> entry = aliases.next();
        if (!Namespace.ALIAS.matcher(entry.getKey()).matches() || !entry.getValue().isObject()) {
          throw new InvalidLineException(
              kind.prefix() + " maps aliases to JSON objects; '" + entry.getKey() + "' does not");
        }
        namespaces.put(new Namespace(kind, entry.getKey()), (ObjectNode) entry.getValue());
      }
    }
    return namespaces;
  }

  private static List<Link> links(List<JsonNode> items) {
    List<Link> links = new ArrayList<>();
    for (JsonNode item : items) {
      Fields f = new Fields(item, "federated_identities");
      String provider = f.text("provider");
      String userId = f.text("user_id");
      if (provider == null || userId == null) {
        throw new InvalidLineException("each federated identity needs a provider and a user_id");
      }
      links.add(new Link(provider, userId, f.text("user_name")));
    }
    return links;
  }

  private static Map<String, List<String>> clientRoles(Fields f) {
    Map<String, List<String>> byClient = new LinkedHashMap<>();
    JsonNode roles = f.object("client_roles");
    if (roles != null) {
      roles
          .fields()
          .forEachRemaining(
              e -> byClient.put(e.getKey(), new Fields(roles, "client_roles").texts(e.getKey())));
    }
    return byClient;
  }
}

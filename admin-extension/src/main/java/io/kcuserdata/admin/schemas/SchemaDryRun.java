package io.kcuserdata.admin.schemas;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kcuserdata.core.json.Json;
import io.kcuserdata.core.namespace.Namespace;
import io.kcuserdata.core.namespace.NamespaceKind;
import io.kcuserdata.core.schema.NamespaceSchema;
import io.kcuserdata.core.schema.SchemaTarget;
import io.kcuserdata.core.schema.SchemaViolation;
import io.kcuserdata.core.spi.UserDataProvider;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * A candidate schema run over every stored user of a realm, a page at a time in its own short
 * transaction, written as it goes: {@code {"id":…,"username":…,"violations":[…]}} for each user
 * whose stored data fails it, then {@code {"checked":n,"failing":m}}. A user without data in the
 * namespace is not checked: there is nothing stored to fail.
 */
final class SchemaDryRun implements StreamingOutput {

  static final int PAGE_SIZE = 200;

  private final KeycloakSessionFactory factory;
  private final String realmId;
  private final SchemaTarget target;
  private final NamespaceSchema schema;

  SchemaDryRun(
      KeycloakSessionFactory factory,
      RealmModel realm,
      SchemaTarget target,
      NamespaceSchema schema) {
    this.factory = factory;
    this.realmId = realm.getId();
    this.target = target;
    this.schema = schema;
  }

  private record Page(List<ObjectNode> failing, String lastId, int checked, int scanned) {}

  @Override
  public void write(OutputStream output) throws IOException {
    Writer out = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8));
    String cursor = null;
    long checked = 0;
    long failing = 0;
    while (true) {
      String after = cursor;
      Page page = KeycloakModelUtils.runJobInTransactionWithResult(factory, s -> read(s, after));
      for (ObjectNode line : page.failing()) {
        out.write(Json.compact(line));
        out.write('\n');
      }
      out.flush();
      checked += page.checked();
      failing += page.failing().size();
      cursor = page.lastId();
      if (page.scanned() < PAGE_SIZE) {
        break;
      }
    }
    out.write(Json.compact(Json.object().put("checked", checked).put("failing", failing)));
    out.write('\n');
    out.flush();
  }

  private Page read(KeycloakSession session, String after) {
    EntityManager em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
    TypedQuery<Object[]> page =
        em.createQuery(
                "select u.id, u.username from UserEntity u where u.realmId = :realm"
                    + " and u.serviceAccountClientLink is null"
                    + (after == null ? "" : " and u.id > :after")
                    + " order by u.id",
                Object[].class)
            .setParameter("realm", realmId)
            .setMaxResults(PAGE_SIZE);
    if (after != null) {
      page.setParameter("after", after);
    }
    List<Object[]> users = page.getResultList();
    if (users.isEmpty()) {
      return new Page(List.of(), after, 0, 0);
    }
    List<String> ids = users.stream().map(row -> (String) row[0]).toList();
    Map<String, Map<String, List<String>>> attributes = new HashMap<>();
    em.createQuery(
            "select a.user.id, a.name, a.value, a.longValue from UserAttributeEntity a"
                + " where a.user.id in :ids and a.name like :prefix",
            Object[].class)
        .setParameter("ids", ids)
        .setParameter("prefix", prefix() + "%")
        .getResultList()
        .forEach(
            row ->
                attributes
                    .computeIfAbsent((String) row[0], k -> new HashMap<>())
                    .computeIfAbsent((String) row[1], k -> new ArrayList<>())
                    // Values over 255 characters live in their own column.
                    .add((String) (row[2] != null ? row[2] : row[3])));
    UserDataProvider data = session.getProvider(UserDataProvider.class);
    List<ObjectNode> failing = new ArrayList<>();
    int checked = 0;
    for (Object[] user : users) {
      Map<String, List<String>> stored = attributes.get((String) user[0]);
      if (stored == null) {
        continue;
      }
      List<SchemaViolation> violations = new ArrayList<>();
      boolean any = false;
      for (Map.Entry<Namespace, ObjectNode> entry : data.decode(stored).namespaces().entrySet()) {
        if (governs(entry.getKey())) {
          any = true;
          violations.addAll(schema.check(entry.getKey().name(), entry.getValue()));
        }
      }
      if (any) {
        checked++;
      }
      if (!violations.isEmpty()) {
        failing.add(line((String) user[0], (String) user[1], violations));
      }
    }
    return new Page(failing, ids.get(ids.size() - 1), checked, users.size());
  }

  private boolean governs(Namespace namespace) {
    if (namespace.kind() != target.kind()) {
      return false;
    }
    return target.alias() == null
        || target.alias().equals(SchemaTarget.EVERY_ORGANIZATION)
        || target.alias().equals(namespace.alias());
  }

  /** The attribute names the target's namespaces are stored under. */
  private String prefix() {
    if (target.kind() == NamespaceKind.ORG
        && SchemaTarget.EVERY_ORGANIZATION.equals(target.alias())) {
      return NamespaceKind.ORG.prefix() + ".";
    }
    return target.name() + ".";
  }

  private static ObjectNode line(String id, String username, List<SchemaViolation> violations) {
    ObjectNode line = Json.object().put("id", id).put("username", username);
    ArrayNode list = line.putArray("violations");
    for (SchemaViolation violation : violations) {
      list.addObject()
          .put("namespace", violation.namespace())
          .put("pointer", violation.pointer())
          .put("message", violation.message());
    }
    return line;
  }
}

package io.kcuserdata.core.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kcuserdata.core.access.AccessPolicy;
import io.kcuserdata.core.access.Actor;
import io.kcuserdata.core.access.Caller;
import io.kcuserdata.core.document.DocumentPatch;
import io.kcuserdata.core.document.UserDataDocument;
import io.kcuserdata.core.error.InvalidUserDataException;
import io.kcuserdata.core.json.Json;
import io.kcuserdata.core.json.MergePatch;
import io.kcuserdata.core.namespace.Namespace;
import io.kcuserdata.core.namespace.NamespaceKind;
import io.kcuserdata.core.schema.SchemaCheck;
import io.kcuserdata.core.schema.SchemaViolation;
import io.kcuserdata.core.schema.SchemaViolationException;
import io.kcuserdata.core.storage.NamespaceStore;
import io.kcuserdata.core.storage.UserAttributes;
import io.kcuserdata.core.validation.NamespaceRules;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Reads and writes a user's data under the access table, the key rules, the limits and the realm's
 * JSON Schemas. Every write is checked whole before anything is stored: a write with one bad part
 * changes nothing. Only the pack's {@code UserDataProvider} calls it: that is the one write path.
 */
public final class UserDataService {

  /**
   * The document before and after a write, and what the write changed (empty when it changed
   * nothing; {@code document} is then {@code before}).
   */
  public record WriteResult(
      UserDataDocument before, UserDataDocument document, List<Change> changes) {}

  private final NamespaceRules rules;

  public UserDataService(NamespaceRules rules) {
    this.rules = rules;
  }

  public UserDataDocument read(UserAttributes user) {
    return new UserDataDocument(NamespaceStore.readAll(user));
  }

  /**
   * Applies a merge patch of the whole document.
   *
   * @param memberOf aliases of the organizations the user belongs to
   * @param ifMatch the {@code If-Match} header, or {@code null}
   */
  public WriteResult patch(
      Caller caller,
      UserAttributes user,
      Set<String> memberOf,
      JsonNode patch,
      String ifMatch,
      SchemaCheck schemas) {
    UserDataDocument current = read(user);
    checkPrecondition(current, caller, ifMatch);
    return write(caller, user, memberOf, current, patched(caller, current, patch), schemas);
  }

  /**
   * Refuses {@code patch} exactly as {@link #patch} would, storing nothing: for the forms, which
   * show a refusal at its field before anything is written.
   */
  public void check(
      Caller caller,
      UserDataDocument current,
      Set<String> memberOf,
      JsonNode patch,
      SchemaCheck schemas) {
    verify(caller, memberOf, current, patched(caller, current, patch), schemas);
  }

  private static Map<Namespace, ObjectNode> patched(
      Caller caller, UserDataDocument current, JsonNode patch) {
    Map<Namespace, ObjectNode> next = new LinkedHashMap<>();
    refuseScopedNullsNotWritable(caller, patch);
    // "org": null empties only what the caller can see, so its answer reveals nothing hidden.
    Set<Namespace> visible = new HashSet<>(current.namespaces().keySet());
    visible.removeIf(namespace -> !AccessPolicy.canRead(caller, namespace));
    DocumentPatch.split(patch, visible)
        .forEach(
            (namespace, part) ->
                next.put(namespace, asObject(MergePatch.apply(current.get(namespace), part))));
    return next;
  }

  /** Replaces one namespace with {@code content} (a JSON object; {@code {}} empties it). */
  public WriteResult replace(
      Caller caller,
      UserAttributes user,
      Set<String> memberOf,
      Namespace namespace,
      JsonNode content,
      String ifMatch,
      SchemaCheck schemas) {
    UserDataDocument current = read(user);
    checkPrecondition(current, caller, ifMatch);
    if (content == null || !content.isObject()) {
      throw new InvalidUserDataException(namespace.name(), "a namespace is a JSON object");
    }
    // Replacing keeps RFC 7396's reading of null: a member set to null is not stored.
    ObjectNode next = asObject(MergePatch.apply(Json.object(), content));
    return write(caller, user, memberOf, current, Map.of(namespace, next), schemas);
  }

  private WriteResult write(
      Caller caller,
      UserAttributes user,
      Set<String> memberOf,
      UserDataDocument current,
      Map<Namespace, ObjectNode> next,
      SchemaCheck schemas) {
    List<Change> changes = verify(caller, memberOf, current, next, schemas);
    for (Change change : changes) {
      NamespaceStore.write(user, change.namespace(), next.get(change.namespace()));
    }
    return new WriteResult(current, changes.isEmpty() ? current : read(user), changes);
  }

  /** Every rule for the write, in order; answers what it would change. */
  private List<Change> verify(
      Caller caller,
      Set<String> memberOf,
      UserDataDocument current,
      Map<Namespace, ObjectNode> next,
      SchemaCheck schemas) {
    // Every part is checked, changed or not: a refused no-op must not reveal a hidden value.
    next.forEach(
        (namespace, content) -> {
          if (!AccessPolicy.canWrite(caller, namespace)) {
            throw new InvalidUserDataException(
                namespace.name(), AccessPolicy.writeRefusal(caller, namespace));
          }
          if (namespace.kind() == NamespaceKind.ORG
              && !content.isEmpty()
              && !memberOf.contains(namespace.alias())) {
            throw new InvalidUserDataException(
                namespace.name(),
                "the user is not a member of organization '" + namespace.alias() + "'");
          }
          if (!content.isEmpty()) {
            rules.check(namespace, content, current.get(namespace));
          }
        });
    List<Change> changes = new ArrayList<>();
    next.forEach(
        (namespace, content) -> {
          Set<String> changed = changedKeys(current.get(namespace), content);
          if (!changed.isEmpty()) {
            changes.add(new Change(namespace, changed));
          }
        });
    // The schemas judge what would be stored, so only a namespace the write changes: a value
    // stored before its schema does not block writes elsewhere. The pack's own bookkeeping (the
    // data a membership leaves behind, status) is never held to an admin's schema.
    if (caller.actor() != Actor.SYSTEM) {
      List<SchemaViolation> violations = new ArrayList<>();
      for (Change change : changes) {
        violations.addAll(schemas.violations(change.namespace(), next.get(change.namespace())));
      }
      if (!violations.isEmpty()) {
        throw new SchemaViolationException(violations);
      }
    }
    return changes;
  }

  private static void refuseScopedNullsNotWritable(Caller caller, JsonNode patch) {
    for (NamespaceKind kind : NamespaceKind.values()) {
      if (kind.scoped()
          && patch != null
          && patch.path(kind.prefix()).isNull()
          && !AccessPolicy.canWriteSome(caller, kind)) {
        throw new InvalidUserDataException(
            kind.prefix(),
            kind.prefix()
                + " namespaces are not writable by "
                + AccessPolicy.describe(caller.actor()));
      }
    }
  }

  private static void checkPrecondition(UserDataDocument current, Caller caller, String ifMatch) {
    if (ifMatch == null || ifMatch.isBlank()) {
      return;
    }
    String etag = current.etag(caller);
    for (String candidate : ifMatch.split(",")) {
      String tag = candidate.trim();
      if (tag.equals("*") || weakEquals(tag, etag)) {
        return;
      }
    }
    throw new PreconditionFailedException(etag);
  }

  /** RFC 9110's weak comparison: tags match when their opaque parts do, W/ or not. */
  private static boolean weakEquals(String a, String b) {
    return strip(a).equals(strip(b));
  }

  private static String strip(String tag) {
    return tag.startsWith("W/") ? tag.substring(2) : tag;
  }

  private static ObjectNode asObject(JsonNode node) {
    return node instanceof ObjectNode object ? object : Json.object();
  }

  private static Set<String> changedKeys(ObjectNode before, ObjectNode after) {
    Set<String> keys = new HashSet<>();
    before.fieldNames().forEachRemaining(keys::add);
    after.fieldNames().forEachRemaining(keys::add);
    keys.removeIf(key -> Objects.equals(before.get(key), after.get(key)));
    return keys;
  }
}

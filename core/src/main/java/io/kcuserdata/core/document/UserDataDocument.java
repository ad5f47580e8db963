package io.kcuserdata.core.document;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kcuserdata.core.access.AccessPolicy;
import io.kcuserdata.core.access.Caller;
import io.kcuserdata.core.json.Json;
import io.kcuserdata.core.namespace.Namespace;
import io.kcuserdata.core.namespace.NamespaceKind;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;

/**
 * A user's data, all namespaces, as stored. Callers see it through {@link #view(Caller)}: the
 * namespaces the access table lets them read, in the shape of the public contract.
 */
public final class UserDataDocument {

  private final Map<Namespace, ObjectNode> namespaces;

  public UserDataDocument(Map<Namespace, ObjectNode> namespaces) {
    this.namespaces = new TreeMap<>(namespaces);
  }

  /** The namespace's content, an empty object when it holds nothing. */
  public ObjectNode get(Namespace namespace) {
    ObjectNode content = namespaces.get(namespace);
    return content == null ? Json.object() : content.deepCopy();
  }

  /** Every namespace that holds something, each a copy: a document is never changed. */
  public Map<Namespace, ObjectNode> namespaces() {
    Map<Namespace, ObjectNode> copy = new TreeMap<>();
    namespaces.forEach((namespace, content) -> copy.put(namespace, content.deepCopy()));
    return copy;
  }

  /** Whether {@code namespace} holds something, without copying it. */
  public boolean has(Namespace namespace) {
    return namespaces.containsKey(namespace);
  }

  /**
   * {@code {"profile":{…},…,"idp":{"<alias>":{…}},"org":{"<alias>":{…}},"status":{…}}} with the
   * namespaces {@code caller} may read; unscoped ones appear even when empty.
   */
  public ObjectNode view(Caller caller) {
    ObjectNode view = Json.object();
    for (NamespaceKind kind : NamespaceKind.values()) {
      if (kind.scoped()) {
        ObjectNode byAlias = Json.object();
        namespaces.forEach(
            (namespace, content) -> {
              if (namespace.kind() == kind && AccessPolicy.canRead(caller, namespace)) {
                byAlias.set(namespace.alias(), content.deepCopy());
              }
            });
        if (!byAlias.isEmpty() || showsEmptyScoped(caller)) {
          view.set(kind.prefix(), byAlias);
        }
      } else {
        Namespace namespace = new Namespace(kind, null);
        if (AccessPolicy.canRead(caller, namespace)) {
          view.set(kind.prefix(), get(namespace));
        }
      }
    }
    return view;
  }

  /** A weak entity tag of what {@code caller} sees: changes whenever that view changes. */
  public String etag(Caller caller) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(Json.compact(view(caller)).getBytes(StandardCharsets.UTF_8));
      return "W/\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest) + "\"";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is in every JRE", e);
    }
  }

  private static boolean showsEmptyScoped(Caller caller) {
    return switch (caller.actor()) {
      case ADMIN, SYSTEM, USER -> true;
      case DELEGATED_ADMIN, IDP_MAPPER -> false;
    };
  }
}

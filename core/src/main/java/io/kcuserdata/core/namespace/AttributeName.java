package io.kcuserdata.core.namespace;

import java.util.Optional;
import java.util.regex.Pattern;

/** A user attribute that stores one top-level key of a namespace: {@code <namespace>.<key>}. */
public record AttributeName(Namespace namespace, String key) {

  /** The rule for top-level keys, from the public contract. */
  public static final Pattern KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,63}");

  public String value() {
    return namespace.attributePrefix() + key;
  }

  /**
   * The namespace an attribute belongs to by its name, whatever follows the namespace's prefix: a
   * key, the {@code _json} marker, or something no writer of the pack would produce.
   */
  public static Optional<Namespace> namespaceOf(String attribute) {
    int first = attribute.indexOf('.');
    if (first <= 0) {
      return Optional.empty();
    }
    Optional<NamespaceKind> kind = NamespaceKind.byPrefix(attribute.substring(0, first));
    if (kind.isEmpty()) {
      return Optional.empty();
    }
    if (!kind.get().scoped()) {
      return Optional.of(new Namespace(kind.get(), null));
    }
    int second = attribute.indexOf('.', first + 1);
    String alias = attribute.substring(first + 1, second < 0 ? attribute.length() : second);
    return Namespace.ALIAS.matcher(alias).matches()
        ? Optional.of(new Namespace(kind.get(), alias))
        : Optional.empty();
  }

  /**
   * The namespace and key an attribute stores, or empty for attributes that are not namespaced data
   * (Keycloak's own, other extensions', the pack's bookkeeping such as {@code <ns>._json}).
   */
  public static Optional<AttributeName> parse(String attribute) {
    return namespaceOf(attribute)
        .filter(namespace -> attribute.length() > namespace.attributePrefix().length())
        .filter(namespace -> attribute.startsWith(namespace.attributePrefix()))
        .map(
            namespace ->
                new AttributeName(
                    namespace, attribute.substring(namespace.attributePrefix().length())))
        .filter(name -> KEY.matcher(name.key()).matches());
  }
}

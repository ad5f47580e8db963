package io.kcuserdata.core.schema;

import io.kcuserdata.core.namespace.Namespace;
import io.kcuserdata.core.namespace.NamespaceKind;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a realm admin attaches a JSON Schema to: one of the unscoped namespaces users, admins and
 * identity providers write ({@code profile}, {@code user_metadata}, {@code custom_data}, {@code
 * app_metadata}), one organization's data ({@code org.<alias>}) or every organization's ({@code
 * org.*}). {@code idp.<alias>} (raw provider data) and {@code status} (the pack's bookkeeping) take
 * none.
 *
 * @param alias the organization's alias, {@link #EVERY_ORGANIZATION}, or {@code null}
 */
public record SchemaTarget(NamespaceKind kind, String alias) {

  /** The alias of {@code org.*}, the schema every organization's data is checked against. */
  public static final String EVERY_ORGANIZATION = "*";

  private static final Set<NamespaceKind> UNSCOPED =
      Set.of(
          NamespaceKind.PROFILE,
          NamespaceKind.USER_METADATA,
          NamespaceKind.CUSTOM_DATA,
          NamespaceKind.APP_METADATA);

  /** How a refused name is explained. */
  public static final String RULE =
      "schemas attach to profile, user_metadata, custom_data, app_metadata, org.<alias> or org.*"
          + " (every organization)";

  /** The target named {@code name}, or empty when no schema can be attached to it. */
  public static Optional<SchemaTarget> parse(String name) {
    if (name == null) {
      return Optional.empty();
    }
    for (NamespaceKind kind : UNSCOPED) {
      if (kind.prefix().equals(name)) {
        return Optional.of(new SchemaTarget(kind, null));
      }
    }
    String org = NamespaceKind.ORG.prefix() + ".";
    if (!name.startsWith(org)) {
      return Optional.empty();
    }
    String alias = name.substring(org.length());
    if (alias.equals(EVERY_ORGANIZATION) || Namespace.ALIAS.matcher(alias).matches()) {
      return Optional.of(new SchemaTarget(NamespaceKind.ORG, alias));
    }
    return Optional.empty();
  }

  /**
   * The targets whose schemas a write of {@code namespace} must satisfy, broadest first: {@code
   * org.*} then {@code org.acme} for {@code org.acme}; none for {@code idp.*} and {@code status}.
   */
  public static List<SchemaTarget> governing(Namespace namespace) {
    if (UNSCOPED.contains(namespace.kind())) {
      return List.of(new SchemaTarget(namespace.kind(), null));
    }
    if (namespace.kind() == NamespaceKind.ORG) {
      return List.of(
          new SchemaTarget(NamespaceKind.ORG, EVERY_ORGANIZATION),
          new SchemaTarget(NamespaceKind.ORG, namespace.alias()));
    }
    return List.of();
  }

  /** {@code custom_data}, {@code org.acme}, {@code org.*}. */
  public String name() {
    return alias == null ? kind.prefix() : kind.prefix() + "." + alias;
  }

  @Override
  public String toString() {
    return name();
  }
}

package io.kcuserdata.core.namespace;

import io.kcuserdata.core.error.InvalidUserDataException;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One namespace of a user's data: {@code profile}, {@code custom_data}, … or a scoped one such as
 * {@code idp.google} or {@code org.acme}. Each top-level key is stored as the user attribute {@code
 * <name>.<key>}.
 */
public record Namespace(NamespaceKind kind, String alias) implements Comparable<Namespace> {

  /** Aliases may not hold a dot: the attribute name {@code idp.<alias>.<key>} must parse back. */
  public static final Pattern ALIAS = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,99}");

  public static final Namespace PROFILE = new Namespace(NamespaceKind.PROFILE, null);
  public static final Namespace USER_METADATA = new Namespace(NamespaceKind.USER_METADATA, null);
  public static final Namespace CUSTOM_DATA = new Namespace(NamespaceKind.CUSTOM_DATA, null);
  public static final Namespace APP_METADATA = new Namespace(NamespaceKind.APP_METADATA, null);
  public static final Namespace STATUS = new Namespace(NamespaceKind.STATUS, null);

  public Namespace {
    Objects.requireNonNull(kind, "kind");
    if (kind.scoped() != (alias != null)) {
      throw new IllegalArgumentException(
          kind.prefix() + (kind.scoped() ? " needs an alias" : " takes no alias"));
    }
    if (alias != null && !ALIAS.matcher(alias).matches()) {
      throw new InvalidUserDataException(
          kind.prefix() + "." + alias, "an alias matches " + ALIAS.pattern());
    }
  }

  public static Namespace idp(String alias) {
    return new Namespace(NamespaceKind.IDP, alias);
  }

  public static Namespace org(String alias) {
    return new Namespace(NamespaceKind.ORG, alias);
  }

  /**
   * Parses a namespace name such as {@code custom_data} or {@code idp.google}.
   *
   * @throws InvalidUserDataException naming the namespace when it is unknown or malformed
   */
  public static Namespace parse(String name) {
    if (name == null || name.isEmpty()) {
      throw new InvalidUserDataException("(namespace)", "a namespace name is required");
    }
    int dot = name.indexOf('.');
    String prefix = dot < 0 ? name : name.substring(0, dot);
    NamespaceKind kind =
        NamespaceKind.byPrefix(prefix)
            .orElseThrow(() -> new InvalidUserDataException(name, "unknown namespace"));
    if (kind.scoped() && dot < 0) {
      throw new InvalidUserDataException(name, prefix + " needs an alias: " + prefix + ".<alias>");
    }
    if (!kind.scoped() && dot >= 0) {
      throw new InvalidUserDataException(name, "unknown namespace");
    }
    return new Namespace(kind, kind.scoped() ? name.substring(dot + 1) : null);
  }

  /** {@code custom_data}, {@code idp.google}. */
  public String name() {
    return alias == null ? kind.prefix() : kind.prefix() + "." + alias;
  }

  /** The prefix of this namespace's user attributes, {@code <name>.}. */
  public String attributePrefix() {
    return name() + ".";
  }

  @Override
  public int compareTo(Namespace other) {
    int byKind = kind.compareTo(other.kind);
    return byKind != 0 ? byKind : String.valueOf(alias).compareTo(String.valueOf(other.alias));
  }

  @Override
  public String toString() {
    return name();
  }
}

package io.kcuserdata.core.namespace;

import java.util.Arrays;
import java.util.Optional;

/** The seven kinds of namespace a user's data is divided into. */
public enum NamespaceKind {
  PROFILE("profile", false),
  USER_METADATA("user_metadata", false),
  CUSTOM_DATA("custom_data", false),
  APP_METADATA("app_metadata", false),
  /** Raw data kept per identity provider, one namespace per provider alias. */
  IDP("idp", true),
  /** Data of the user's membership in one organization, one namespace per organization alias. */
  ORG("org", true),
  STATUS("status", false);

  private final String prefix;
  private final boolean scoped;

  NamespaceKind(String prefix, boolean scoped) {
    this.prefix = prefix;
    this.scoped = scoped;
  }

  /** The name in documents and the first segment of attribute names. */
  public String prefix() {
    return prefix;
  }

  /** Whether namespaces of this kind carry an alias ({@code idp.<alias>}, {@code org.<alias>}). */
  public boolean scoped() {
    return scoped;
  }

  public static Optional<NamespaceKind> byPrefix(String prefix) {
    return Arrays.stream(values()).filter(k -> k.prefix.equals(prefix)).findFirst();
  }
}

package io.kcuserdata.core.profile;

import io.kcuserdata.core.access.AccessPolicy;
import io.kcuserdata.core.access.Caller;
import io.kcuserdata.core.namespace.AttributeName;
import io.kcuserdata.core.namespace.LookalikeNames;
import io.kcuserdata.core.namespace.Namespace;
import io.kcuserdata.core.namespace.NamespaceKind;
import java.util.Optional;
import java.util.Set;

/**
 * The access table applied to Keycloak's own paths (Account API and console, login forms, the admin
 * users API), which see namespaced data as user attributes.
 *
 * <ul>
 *   <li>Administrators read every namespace there but write none: their one write path is the
 *       pack's API, which keeps types and limits. Keycloak's users API keeps namespaced attributes
 *       as it keeps any read-only attribute: a PUT can neither change nor drop them.
 *   <li>Users read what the table lets them read and write only attributes a realm admin declared
 *       in the user profile under {@code profile} or {@code user_metadata}. What they may not read
 *       is not even declared for them, so no answer of Keycloak's depends on its value.
 *   <li>The {@code <namespace>._json} markers are bookkeeping: never shown to users, never written
 *       through Keycloak's paths.
 *   <li>A name that folds to a namespace ({@code App_Metadata.role}, {@code äpp_metadata.role}: see
 *       {@link LookalikeNames}) is governed as that namespace, and nobody writes it: a database
 *       with a lenient collation would take it for the namespace.
 * </ul>
 */
public final class ProfileAccess {

  private static final Set<NamespaceKind> USER_WRITABLE =
      Set.of(NamespaceKind.PROFILE, NamespaceKind.USER_METADATA);

  private ProfileAccess() {}

  /** Whether {@code attribute} is namespaced data at all (or its marker, or a lookalike). */
  public static boolean governs(String attribute) {
    return LookalikeNames.governingNamespace(attribute).isPresent();
  }

  public static boolean canView(String attribute, boolean adminContext) {
    Optional<Namespace> namespace = LookalikeNames.governingNamespace(attribute);
    if (namespace.isEmpty() || adminContext) {
      return true;
    }
    Optional<AttributeName> stored =
        LookalikeNames.isLookalike(attribute)
            ? LookalikeNames.parseFolded(attribute)
            : AttributeName.parse(attribute);
    if (stored.isEmpty()) {
      return false;
    }
    Namespace ns = namespace.get();
    Set<String> organizations = ns.kind() == NamespaceKind.ORG ? Set.of(ns.alias()) : Set.of();
    return AccessPolicy.canRead(Caller.user(organizations), ns);
  }

  /**
   * @param declared whether a realm admin declared the attribute in the user profile
   */
  public static boolean canEdit(String attribute, boolean adminContext, boolean declared) {
    Optional<Namespace> namespace = LookalikeNames.governingNamespace(attribute);
    if (namespace.isEmpty()) {
      return true;
    }
    // A lookalike never parses exactly, so it is never editable.
    return !adminContext
        && declared
        && USER_WRITABLE.contains(namespace.get().kind())
        && AttributeName.parse(attribute).isPresent();
  }
}

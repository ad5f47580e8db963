package io.kcuserdata.core.access;

import io.kcuserdata.core.namespace.Namespace;
import io.kcuserdata.core.namespace.NamespaceKind;

/**
 * The access table of the public contract, the one place it is written down in code:
 *
 * <pre>
 * namespace      user                 admin       delegated admin   IdP mapper        system
 * profile        read, write          read, write  -                write             read, write
 * user_metadata  read, write          read, write  -                -                 read, write
 * custom_data    read                 read, write  -                write             read, write
 * app_metadata   -                    read, write  -                write             read, write
 * idp.&lt;alias&gt;    read                 read         -                write own alias   read, write
 * status         -                    read         -                -                 read, write
 * org.&lt;alias&gt;    read, own orgs       read, write  read, write own  write             read, write
 * </pre>
 *
 * An IdP mapper may read what it may write, for its update policies ({@code if-empty}).
 */
public final class AccessPolicy {

  private AccessPolicy() {}

  public static boolean canRead(Caller caller, Namespace namespace) {
    return switch (caller.actor()) {
      case SYSTEM -> true;
      case ADMIN -> true;
      case IDP_MAPPER -> canWrite(caller, namespace);
      case DELEGATED_ADMIN -> ownOrganization(caller, namespace);
      case USER ->
          switch (namespace.kind()) {
            case PROFILE, USER_METADATA, CUSTOM_DATA, IDP -> true;
            case ORG -> ownOrganization(caller, namespace);
            case APP_METADATA, STATUS -> false;
          };
    };
  }

  public static boolean canWrite(Caller caller, Namespace namespace) {
    return switch (caller.actor()) {
      case SYSTEM -> true;
      case ADMIN ->
          switch (namespace.kind()) {
            case PROFILE, USER_METADATA, CUSTOM_DATA, APP_METADATA, ORG -> true;
            case IDP, STATUS -> false;
          };
      case DELEGATED_ADMIN -> ownOrganization(caller, namespace);
      case IDP_MAPPER ->
          switch (namespace.kind()) {
            case PROFILE, CUSTOM_DATA, APP_METADATA, ORG -> true;
            case IDP -> namespace.alias().equals(caller.idpAlias());
            case USER_METADATA, STATUS -> false;
          };
      case USER ->
          switch (namespace.kind()) {
            case PROFILE, USER_METADATA -> true;
            default -> false;
          };
    };
  }

  /** Whether {@code caller} may write some namespace of {@code kind}: for {@code "org": null}. */
  public static boolean canWriteSome(Caller caller, NamespaceKind kind) {
    if (!kind.scoped()) {
      return canWrite(caller, new Namespace(kind, null));
    }
    String alias =
        switch (caller.actor()) {
          case IDP_MAPPER -> caller.idpAlias();
          case DELEGATED_ADMIN, USER ->
              caller.organizations().stream().findFirst().orElse("any-organization");
          case ADMIN, SYSTEM -> "any";
        };
    return canWrite(caller, new Namespace(kind, alias));
  }

  /** Why {@code caller} may not write {@code namespace}, for the error a client sees. */
  public static String writeRefusal(Caller caller, Namespace namespace) {
    if (canRead(caller, namespace)) {
      return "namespace is read-only for " + describe(caller.actor());
    }
    return "namespace is not accessible to " + describe(caller.actor());
  }

  private static boolean ownOrganization(Caller caller, Namespace namespace) {
    return namespace.kind() == NamespaceKind.ORG
        && caller.organizations().contains(namespace.alias());
  }

  /** How errors name an actor: "the user", "administrators", … */
  public static String describe(Actor actor) {
    return switch (actor) {
      case USER -> "the user";
      case ADMIN -> "administrators";
      case DELEGATED_ADMIN -> "delegated administrators";
      case IDP_MAPPER -> "identity-provider mappers";
      case SYSTEM -> "the pack";
    };
  }
}

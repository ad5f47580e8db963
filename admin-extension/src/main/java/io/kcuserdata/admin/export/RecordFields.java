package io.kcuserdata.admin.export;

import io.kcuserdata.core.namespace.NamespaceKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The top-level fields of an exported user record, in the order they are written. */
public final class RecordFields {

  /** Identity fields: one CSV column each, in this order, before the namespaces. */
  public static final List<String> IDENTITY =
      List.of(
          "id",
          "username",
          "first_name",
          "last_name",
          "email",
          "email_verified",
          "enabled",
          "created_at");

  /** Memberships and credentials: one CSV column each (JSON), after the namespaces. */
  public static final List<String> RELATIONS =
      List.of(
          "federated_identities",
          "realm_roles",
          "client_roles",
          "groups",
          "organizations",
          "credentials",
          "required_actions");

  private RecordFields() {}

  /** Every top-level field name a {@code fields=} selection may start with. */
  public static List<String> all() {
    List<String> all = new ArrayList<>(IDENTITY);
    Arrays.stream(NamespaceKind.values()).map(NamespaceKind::prefix).forEach(all::add);
    all.addAll(RELATIONS);
    return all;
  }
}

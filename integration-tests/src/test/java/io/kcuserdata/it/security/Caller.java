package io.kcuserdata.it.security;

/**
 * The kinds of caller the permission matrix tries every endpoint with, one column each. The
 * delegated admin of organization A appears once per kind of member it acts on: the member routes
 * reach that member, every other route is the same for all of them.
 */
enum Caller {
  ANONYMOUS("anon", "no token at all"),
  USER("user", "a user of the realm with its default roles only"),
  OTHER_REALM("other", "a user of another realm of the same server"),
  VIEW_USERS("view", "an admin of the realm holding only realm-management/view-users"),
  MANAGE_USERS("manage", "an admin of the realm holding only realm-management/manage-users"),
  QUERY_USERS("query", "an admin of the realm holding only realm-management/query-users"),
  MANAGE_EVENTS("events", "an admin of the realm holding only realm-management/manage-events"),
  MANAGE_CLIENTS("clients", "an admin of the realm holding only realm-management/manage-clients"),
  MANAGE_REALM("realm", "an admin of the realm holding only realm-management/manage-realm"),
  REALM_ADMIN("admin", "an admin of the realm holding realm-management/realm-admin"),
  DELEGATED_ON_A("A", "organization A's delegated admin, on an ordinary member of A"),
  DELEGATED_ON_B("B", "organization A's delegated admin, on a member of B only"),
  DELEGATED_ON_SHARED("AB", "organization A's delegated admin, on a member of both A and B"),
  DELEGATED_ON_B_ADMIN(
      "Badm", "organization A's delegated admin, on B's delegated admin (a member of A too)"),
  DELEGATED_ON_ROLE_HOLDER(
      "role", "organization A's delegated admin, on a member of A holding a realm role"),
  DELEGATED_WITH_APP_TOKEN(
      "app",
      "organization A's delegated admin with a token of another client of the realm, on an"
          + " ordinary member of A");

  private final String column;
  private final String description;

  Caller(String column, String description) {
    this.column = column;
    this.description = description;
  }

  /** The column's heading in the table. */
  String column() {
    return column;
  }

  String description() {
    return description;
  }

  boolean delegatedAdmin() {
    return name().startsWith("DELEGATED_");
  }

  static Caller ofColumn(String column) {
    for (Caller caller : values()) {
      if (caller.column.equals(column)) {
        return caller;
      }
    }
    throw new IllegalArgumentException("no caller column " + column);
  }
}

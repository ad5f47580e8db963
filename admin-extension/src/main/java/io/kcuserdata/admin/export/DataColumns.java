package io.kcuserdata.admin.export;

import io.kcuserdata.core.namespace.AttributeName;
import jakarta.persistence.EntityManager;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The namespace columns of a CSV export ({@code profile.given_name}, {@code idp.github.login}),
 * known before the first row: every namespaced attribute name stored in the realm. One query over
 * distinct names, so the header costs no pass over the users.
 */
final class DataColumns {

  private DataColumns() {}

  static SortedSet<String> of(EntityManager em, String realmId) {
    SortedSet<String> columns = new TreeSet<>();
    em.createQuery(
            "select distinct a.name from UserAttributeEntity a where a.user.realmId = :realmId",
            String.class)
        .setParameter("realmId", realmId)
        .getResultStream()
        .forEach(
            name ->
                AttributeName.parse(name)
                    .ifPresent(
                        parsed -> columns.add(parsed.namespace().name() + "." + parsed.key())));
    return columns;
  }
}

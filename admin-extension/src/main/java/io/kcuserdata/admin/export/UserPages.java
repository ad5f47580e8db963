package io.kcuserdata.admin.export;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Pages of a realm's user ids in id order, read with JPQL over Keycloak's JPA entities: the public
 * user API orders by username and pages by offset, which skips or repeats users when others are
 * created meanwhile; an id cursor does neither. This class and {@link DataColumns} are the export's
 * only touch points with Keycloak's entity classes.
 */
final class UserPages {

  private UserPages() {}

  /** Up to {@code size} ids after {@code after} (exclusive), service accounts left out. */
  static List<String> next(
      EntityManager em, String realmId, ExportQuery query, String after, int size) {
    StringBuilder jpql =
        new StringBuilder(
            "select u.id from UserEntity u where u.realmId = :realmId"
                + " and u.serviceAccountClientLink is null");
    if (after != null) {
      jpql.append(" and u.id > :after");
    }
    List<Map.Entry<String, String>> terms = new ArrayList<>(query.attributes().entrySet());
    for (int i = 0; i < terms.size(); i++) {
      jpql.append(" and exists (select a.id from UserAttributeEntity a where a.user = u")
          .append(" and a.name = :name")
          .append(i)
          .append(" and lower(a.value) = :value")
          .append(i)
          .append(")");
    }
    jpql.append(" order by u.id");
    TypedQuery<String> select =
        em.createQuery(jpql.toString(), String.class)
            .setParameter("realmId", realmId)
            .setMaxResults(size);
    if (after != null) {
      select.setParameter("after", after);
    }
    for (int i = 0; i < terms.size(); i++) {
      select.setParameter("name" + i, terms.get(i).getKey());
      select.setParameter("value" + i, terms.get(i).getValue());
    }
    return select.getResultList();
  }
}

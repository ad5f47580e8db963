package io.kcuserdata.core.spi;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.util.List;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;
import org.keycloak.models.cache.CachedUserModel;

/**
 * Serializes the writers of one user's data, across threads and cluster nodes: a database row lock
 * on the user, held until the transaction ends. A second writer waits, then reads the first one's
 * result, so its {@code If-Match} fails instead of silently overwriting. Users of a federation
 * provider without a local copy have no row to lock.
 */
public final class UserLock {

  private UserLock() {}

  /**
   * Locks the user and answers the user as stored now, past Keycloak's user cache, whose copy may
   * predate the writer this call waited for. Write through the answer.
   */
  public static UserModel lockForUpdate(KeycloakSession session, UserModel user) {
    JpaConnectionProvider jpa = session.getProvider(JpaConnectionProvider.class);
    if (jpa == null) {
      return user;
    }
    EntityManager em = jpa.getEntityManager();
    List<?> rows =
        em.createQuery("select u from UserEntity u where u.id = :id")
            .setParameter("id", user.getId())
            .setLockMode(LockModeType.PESSIMISTIC_WRITE)
            .getResultList();
    if (rows.isEmpty()) {
      return user;
    }
    // The entity may have been read before the lock was granted.
    em.refresh(rows.get(0));
    return user instanceof CachedUserModel cached ? cached.getDelegateForUpdate() : user;
  }
}

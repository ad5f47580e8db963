package io.kcuserdata.events.status.fold;

import io.kcuserdata.core.access.Caller;
import io.kcuserdata.core.namespace.Namespace;
import io.kcuserdata.core.spi.UserDataProvider;
import io.kcuserdata.events.status.store.LoginRecordEntity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.jboss.logging.Logger;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.storage.ReadOnlyException;

/** The login table in Keycloak's database, and the users through the session's user provider. */
final class JpaLoginRows implements LoginRows {

  private static final Logger LOG = Logger.getLogger(JpaLoginRows.class);

  private final KeycloakSession session;
  private final EntityManager em;

  JpaLoginRows(KeycloakSession session) {
    this.session = session;
    this.em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
  }

  @Override
  public List<PendingLogins.Login> oldest(int max, Collection<String> skipUserIds) {
    TypedQuery<LoginRecordEntity> query =
        skipUserIds.isEmpty()
            ? em.createQuery(
                "select r from UserDataLoginRecord r order by r.loginAt", LoginRecordEntity.class)
            : em.createQuery(
                    "select r from UserDataLoginRecord r where r.userId not in :skip"
                        + " order by r.loginAt",
                    LoginRecordEntity.class)
                .setParameter("skip", skipUserIds);
    return logins(query, max);
  }

  @Override
  public List<PendingLogins.Login> ofUser(String realmId, String userId, int max) {
    return logins(
        em.createQuery(
                "select r from UserDataLoginRecord r where r.realmId = :realm and r.userId = :user"
                    + " order by r.loginAt",
                LoginRecordEntity.class)
            .setParameter("realm", realmId)
            .setParameter("user", userId),
        max);
  }

  private static List<PendingLogins.Login> logins(TypedQuery<LoginRecordEntity> query, int max) {
    return query
        .setMaxResults(max)
        .getResultStream()
        .map(
            r ->
                new PendingLogins.Login(
                    r.getId(), r.getRealmId(), r.getUserId(), r.getLoginAt(), r.getIp()))
        .toList();
  }

  @Override
  public int take(List<String> ids) {
    return em.createQuery("delete from UserDataLoginRecord r where r.id in :ids")
        .setParameter("ids", ids)
        .executeUpdate();
  }

  @Override
  public void count(PendingLogins.Pending pending) {
    RealmModel realm = session.realms().getRealm(pending.realmId());
    if (realm == null) {
      return;
    }
    session.getContext().setRealm(realm);
    UserModel user = session.users().getUserById(realm, pending.userId());
    if (user == null) {
      return; // deleted since: nothing to count
    }
    UserDataProvider data = session.getProvider(UserDataProvider.class);
    try {
      data.replace(
          realm,
          user,
          Caller.system(),
          Namespace.STATUS,
          LoginTally.afterLogins(
              data.read(realm, user).get(Namespace.STATUS),
              pending.count(),
              Instant.ofEpochMilli(pending.latestAt()),
              pending.latestIp()),
          null);
    } catch (ReadOnlyException e) {
      // A read-only user store (LDAP, say): the logins are not counted, and not retried forever.
      LOG.debugf(
          "status not recorded for read-only user %s in realm %s", user.getId(), realm.getName());
    }
  }
}

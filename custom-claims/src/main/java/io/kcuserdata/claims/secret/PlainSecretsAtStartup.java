package io.kcuserdata.claims.secret;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * At startup, seals the secrets that external claims mappers stored in clear before the pack sealed
 * them. One JPQL query over Keycloak's protocol-mapper table finds the clients and client scopes
 * that carry such a mapper (Keycloak's model has no lookup by mapper type, and reading every client
 * of every realm at each start would cost more); the sealing itself goes through the model, one
 * realm per transaction. Each node does this at its start; after the first, nothing is left to
 * seal.
 */
public final class PlainSecretsAtStartup {

  private static final Logger LOG = Logger.getLogger(PlainSecretsAtStartup.class);

  private record Carrier(String realmId, String containerId, boolean scope) {}

  private PlainSecretsAtStartup() {}

  public static void seal(KeycloakSessionFactory factory) {
    List<Carrier> carriers;
    try {
      carriers =
          KeycloakModelUtils.runJobInTransactionWithResult(
              factory, PlainSecretsAtStartup::carriers);
    } catch (RuntimeException e) {
      LOG.errorf(
          "External claims mappers: could not look for secrets stored in clear (%s); they are"
              + " sealed when next saved",
          e.getClass().getSimpleName());
      return;
    }
    Map<String, List<Carrier>> byRealm = new LinkedHashMap<>();
    carriers.forEach(c -> byRealm.computeIfAbsent(c.realmId(), id -> new ArrayList<>()).add(c));
    AtomicInteger sealed = new AtomicInteger();
    byRealm.forEach(
        (realmId, inRealm) -> {
          try {
            KeycloakModelUtils.runJobInTransaction(
                factory, session -> sealed.addAndGet(seal(session, realmId, inRealm)));
          } catch (RuntimeException e) {
            LOG.errorf(
                "External claims mappers of realm id %s: secrets stored in clear could not be"
                    + " sealed (%s); they are sealed when next saved",
                realmId, e.getClass().getSimpleName());
          }
        });
    if (sealed.get() > 0) {
      LOG.infof(
          "External claims mappers: sealed %d secret(s) that were stored in clear", sealed.get());
    }
  }

  private static List<Carrier> carriers(KeycloakSession session) {
    var em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
    List<Carrier> carriers = new ArrayList<>();
    em.createQuery(
            "select distinct c.realmId, c.id from ProtocolMapperEntity m join m.client c"
                + " where m.protocolMapper = :type",
            Object[].class)
        .setParameter("type", StoredSecrets.PROVIDER_ID)
        .getResultStream()
        .forEach(row -> carriers.add(new Carrier((String) row[0], (String) row[1], false)));
    em.createQuery(
            "select distinct s.realmId, s.id from ProtocolMapperEntity m join m.clientScope s"
                + " where m.protocolMapper = :type",
            Object[].class)
        .setParameter("type", StoredSecrets.PROVIDER_ID)
        .getResultStream()
        .forEach(row -> carriers.add(new Carrier((String) row[0], (String) row[1], true)));
    return carriers;
  }

  private static int seal(KeycloakSession session, String realmId, List<Carrier> carriers) {
    RealmModel realm = session.realms().getRealm(realmId);
    if (realm == null) {
      return 0;
    }
    StoredSecrets stored = new StoredSecrets(session, realm);
    for (Carrier carrier : carriers) {
      if (carrier.scope()) {
        var scope = realm.getClientScopeById(carrier.containerId());
        if (scope != null) {
          stored.seal(scope);
        }
      } else {
        var client = realm.getClientById(carrier.containerId());
        if (client != null) {
          stored.seal(client);
        }
      }
    }
    return stored.sealedCount();
  }
}

package io.kcuserdata.claims.secret;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.keycloak.models.AbstractKeycloakTransaction;
import org.keycloak.models.ClientModel;
import org.keycloak.models.ClientScopeModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakTransactionManager;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.ProviderEvent;
import org.keycloak.provider.ProviderEventListener;

/**
 * Seals the secrets of external claims mappers that arrive other than through the protocol-mapper
 * admin API (whose {@code validateConfig} seals them): a client or client scope created or updated
 * with its mappers (admin API, client registration, partial import) and a realm created from JSON
 * (admin API, import at startup). Keycloak tells when a client is created or updated, or a realm
 * created, but not when a mapper is added, and a client's mappers are added after its creation
 * event; so the containers are noted and sealed once the request's work is done, in the prepare
 * phase of its transaction, before anything is committed.
 */
public final class SealOnArrival implements ProviderEventListener {

  private static final String PENDING = SealOnArrival.class.getName();

  @Override
  public void onEvent(ProviderEvent event) {
    if (event instanceof ClientModel.ClientCreationEvent created) {
      ClientModel client = created.getCreatedClient();
      pending(created.getKeycloakSession(), client.getRealm()).client(client.getId());
    } else if (event instanceof ClientModel.ClientUpdatedEvent updated) {
      ClientModel client = updated.getUpdatedClient();
      pending(updated.getKeycloakSession(), client.getRealm()).client(client.getId());
    } else if (event instanceof ClientScopeModel.ClientScopeCreatedEvent created) {
      ClientScopeModel scope = created.getClientScope();
      pending(created.getKeycloakSession(), scope.getRealm()).scope(scope.getId());
    } else if (event instanceof RealmModel.RealmPostCreateEvent created) {
      pending(created.getKeycloakSession(), created.getCreatedRealm()).wholeRealm();
    }
  }

  private static Containers pending(KeycloakSession session, RealmModel realm) {
    Pending pending = session.getAttribute(PENDING, Pending.class);
    if (pending == null) {
      KeycloakTransactionManager transaction = session.getTransactionManager();
      if (!transaction.isActive()) {
        return new Containers(); // nothing will be committed, so nothing to seal
      }
      pending = new Pending(session);
      session.setAttribute(PENDING, pending);
      transaction.enlistPrepare(pending);
    }
    return pending.realm(realm.getId());
  }

  /** The containers of one realm to look at. */
  private static final class Containers {
    private final Set<String> clients = new LinkedHashSet<>();
    private final Set<String> scopes = new LinkedHashSet<>();
    private boolean wholeRealm;

    void client(String id) {
      clients.add(id);
    }

    void scope(String id) {
      scopes.add(id);
    }

    void wholeRealm() {
      wholeRealm = true;
    }
  }

  private static final class Pending extends AbstractKeycloakTransaction {
    private final KeycloakSession session;
    private final Map<String, Containers> byRealm = new LinkedHashMap<>();
    private boolean done;

    Pending(KeycloakSession session) {
      this.session = session;
    }

    Containers realm(String realmId) {
      // Events after the prepare phase (none are expected) change nothing any more.
      return done ? new Containers() : byRealm.computeIfAbsent(realmId, id -> new Containers());
    }

    @Override
    protected void commitImpl() {
      done = true;
      byRealm.forEach(this::seal);
    }

    private void seal(String realmId, Containers containers) {
      RealmModel realm = session.realms().getRealm(realmId);
      if (realm == null) {
        return;
      }
      StoredSecrets stored = new StoredSecrets(session, realm);
      if (containers.wholeRealm) {
        realm.getClientsStream().toList().forEach(stored::seal);
        realm.getClientScopesStream().toList().forEach(stored::seal);
        return;
      }
      containers.clients.stream()
          .map(realm::getClientById)
          .filter(java.util.Objects::nonNull)
          .forEach(stored::seal);
      containers.scopes.stream()
          .map(realm::getClientScopeById)
          .filter(java.util.Objects::nonNull)
          .forEach(stored::seal);
    }

    @Override
    protected void rollbackImpl() {
      done = true;
    }
  }
}

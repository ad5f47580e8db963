package io.kcuserdata.mappers.report;

import jakarta.persistence.EntityManager;
import java.io.IOException;
import org.jboss.logging.Logger;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.events.Event;
import org.keycloak.events.jpa.EventEntity;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.util.JsonSerialization;

/**
 * Touch point on Keycloak internals: the JPA event store's entity. Keycloak stores an event before
 * it calls listeners, converting its details to JSON at that moment, so details added by a listener
 * reach the stored event only by updating the row that is still pending in the same transaction.
 * Events that were not stored (events off, type not saved) are left alone.
 */
final class StoredEventDetails {

  private static final Logger LOG = Logger.getLogger(StoredEventDetails.class);

  private StoredEventDetails() {}

  static void rewrite(KeycloakSession session, Event event) {
    RealmModel realm = session.getContext().getRealm();
    if (event.getId() == null || realm == null || !realm.isEventsEnabled()) {
      return;
    }
    EntityManager em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
    EventEntity stored = em.find(EventEntity.class, event.getId());
    if (stored == null) {
      return;
    }
    try {
      stored.setDetailsJson(JsonSerialization.writeValueAsString(event.getDetails()));
    } catch (IOException e) {
      LOG.warnf("could not add details to stored event %s: %s", event.getId(), e.getMessage());
    }
  }
}

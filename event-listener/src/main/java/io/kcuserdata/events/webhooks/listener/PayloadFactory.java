package io.kcuserdata.events.webhooks.listener;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kcuserdata.core.document.UserDataDocument;
import io.kcuserdata.core.namespace.Namespace;
import io.kcuserdata.core.spi.UserDataProvider;
import io.kcuserdata.events.webhooks.catalog.Actor;
import io.kcuserdata.events.webhooks.catalog.EventCatalog;
import io.kcuserdata.events.webhooks.catalog.PayloadData;
import io.kcuserdata.events.webhooks.catalog.UserSummary;
import io.kcuserdata.events.webhooks.catalog.WebhookEventType;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.keycloak.events.Event;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.events.admin.AuthDetails;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.organization.OrganizationProvider;

/** What a webhook says about a Keycloak event, read from the session that saw it. */
final class PayloadFactory {

  private final KeycloakSession session;
  private final boolean appMetadata;

  /**
   * @param appMetadata whether any endpoint wants {@code app_metadata} (else it is not read)
   */
  PayloadFactory(KeycloakSession session, boolean appMetadata) {
    this.session = session;
    this.appMetadata = appMetadata;
  }

  PayloadData forUserEvent(WebhookEventType type, Event event, RealmModel realm) {
    UserModel user = event.getUserId() == null ? null : user(realm, event.getUserId());
    UserSummary summary =
        user != null
            ? summary(realm, user)
            : event.getUserId() == null ? null : UserSummary.ofId(event.getUserId());
    Actor actor =
        event.getUserId() == null
            ? null
            : Actor.user(
                event.getUserId(), user == null ? null : user.getUsername(), event.getClientId());
    Map<String, Object> details = details(event.getDetails());
    if (event.getError() != null) {
      details.put("error", event.getError());
    }
    return new PayloadData(
        type,
        Instant.ofEpochMilli(event.getTime()),
        realm.getId(),
        realm.getName(),
        summary,
        actor,
        event.getClientId(),
        event.getIpAddress(),
        details,
        null);
  }

  PayloadData forAdminEvent(WebhookEventType type, AdminEvent event, RealmModel realm) {
    String path = event.getResourcePath();
    UserSummary summary =
        EventCatalog.userIdFromResourcePath(path)
            .map(id -> user(realm, id))
            .or(() -> byUsername(realm, event.getDetails()))
            .map(u -> summary(realm, u))
            .orElseGet(
                () ->
                    EventCatalog.userIdFromResourcePath(path).map(UserSummary::ofId).orElse(null));
    ObjectNode organization =
        EventCatalog.organizationIdFromResourcePath(path).map(this::organization).orElse(null);
    AuthDetails auth = event.getAuthDetails();
    Map<String, Object> details = details(event.getDetails());
    return new PayloadData(
        type,
        Instant.ofEpochMilli(event.getTime()),
        realm.getId(),
        realm.getName(),
        summary,
        auth == null ? Actor.system() : admin(auth),
        null,
        auth == null ? null : auth.getIpAddress(),
        details,
        organization);
  }

  private static Map<String, Object> details(Map<String, String> keycloakDetails) {
    Map<String, Object> details = new LinkedHashMap<>();
    if (keycloakDetails != null) {
      details.putAll(keycloakDetails);
    }
    return details;
  }

  private Actor admin(AuthDetails auth) {
    RealmModel adminRealm =
        auth.getRealmId() == null ? null : session.realms().getRealm(auth.getRealmId());
    UserModel admin =
        adminRealm == null || auth.getUserId() == null
            ? null
            : session.users().getUserById(adminRealm, auth.getUserId());
    return Actor.admin(
        auth.getUserId(),
        admin == null ? null : admin.getUsername(),
        auth.getClientId(),
        adminRealm == null ? null : adminRealm.getName());
  }

  private ObjectNode organization(String id) {
    OrganizationProvider organizations = session.getProvider(OrganizationProvider.class);
    OrganizationModel organization = organizations == null ? null : organizations.getById(id);
    ObjectNode node = JsonNodeFactory.instance.objectNode().put("id", id);
    if (organization != null) {
      node.put("alias", organization.getAlias()).put("name", organization.getName());
    }
    return node;
  }

  /** Adding an organization member names the user in the details, not in the path. */
  private Optional<UserModel> byUsername(RealmModel realm, Map<String, String> details) {
    String username = details == null ? null : details.get("username");
    return username == null
        ? Optional.empty()
        : Optional.ofNullable(session.users().getUserByUsername(realm, username));
  }

  private UserModel user(RealmModel realm, String id) {
    return session.users().getUserById(realm, id);
  }

  private UserSummary summary(RealmModel realm, UserModel user) {
    UserDataDocument data =
        this.appMetadata ? session.getProvider(UserDataProvider.class).read(realm, user) : null;
    ObjectNode appMetadata =
        data != null && data.has(Namespace.APP_METADATA) ? data.get(Namespace.APP_METADATA) : null;
    return new UserSummary(
        user.getId(),
        user.getUsername(),
        user.getEmail(),
        user.isEmailVerified(),
        user.getFirstName(),
        user.getLastName(),
        user.isEnabled(),
        user.getCreatedTimestamp(),
        appMetadata);
  }
}

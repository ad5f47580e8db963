package io.kcuserdata.admin.webhooks;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kcuserdata.core.json.Json;
import io.kcuserdata.core.net.OutboundUse;
import io.kcuserdata.core.signing.WebhookSecret;
import io.kcuserdata.core.spi.UserDataProvider;
import io.kcuserdata.events.webhooks.Webhooks;
import io.kcuserdata.events.webhooks.endpoint.Endpoint;
import io.kcuserdata.events.webhooks.endpoint.EndpointStore;
import java.util.List;
import java.util.Optional;
import org.keycloak.common.Profile;
import org.keycloak.component.ComponentModel;
import org.keycloak.component.ComponentValidationException;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.representations.idm.ComponentRepresentation;
import org.keycloak.services.ui.extend.UiPageProvider;

/**
 * Keeps the admin console's webhook page and the webhook tables in step. The console stores each
 * page entry as a Keycloak component; the pack's endpoint with the same id is the real thing, so an
 * endpoint looks the same whether it was made in the console or through the admin API.
 */
final class WebhookComponents {

  static final String URL = "url";
  static final String EVENTS = "events";
  static final String ENABLED = "enabled";
  static final String DESCRIPTION = "description";
  static final String INCLUDE_APP_METADATA = "includeAppMetadata";
  static final String SECRET = "secret";

  private WebhookComponents() {}

  /** Whether the console page exists on this server (feature {@code declarative-ui} on). */
  static boolean pageEnabled(KeycloakSession session) {
    return Profile.isFeatureEnabled(Profile.Feature.DECLARATIVE_UI)
        && session
                .getKeycloakSessionFactory()
                .getProviderFactory(UiPageProvider.class, WebhookPage.ID)
            != null;
  }

  /** The page entry's fields checked as the API checks a body: same rules, same messages. */
  static EndpointRequest request(KeycloakSession session, ComponentModel model) {
    ObjectNode body = Json.object();
    String url = model.get(URL);
    if (url != null) {
      body.put(URL, url);
    }
    ArrayNode events = body.putArray(EVENTS);
    List<String> patterns = model.getConfig().getList(EVENTS);
    if (patterns != null) {
      patterns.stream().filter(p -> p != null && !p.isBlank()).forEach(events::add);
    }
    body.put(ENABLED, model.get(ENABLED, true));
    String description = model.get(DESCRIPTION);
    if (description != null && !description.isBlank()) {
      body.put(DESCRIPTION, description);
    }
    body.put(INCLUDE_APP_METADATA, model.get(INCLUDE_APP_METADATA, false));
    try {
      return EndpointRequest.read(
          body, session.getProvider(UserDataProvider.class).outboundGuard(OutboundUse.WEBHOOKS));
    } catch (RuntimeException e) {
      throw new ComponentValidationException(e.getMessage());
    }
  }

  /**
   * The admin API's rules on users' data in payloads ({@link WebhookPermissions}), applied to a
   * page entry about to be saved: the components API asks only manage-realm.
   */
  static void authorize(
      KeycloakSession session,
      RealmModel realm,
      ComponentModel model,
      EndpointRequest request,
      WebhookPermissions permissions) {
    permissions.requireToConfigure(request.extras());
    // A new entry has no id yet; an entry made earlier has its endpoint's.
    Optional<Endpoint> current =
        model.getId() == null ? Optional.empty() : store(session).get(realm.getId(), model.getId());
    if (current.isEmpty()) {
      return;
    }
    if (!request.url().equals(current.get().url())) {
      permissions.requireToMove(
          Webhooks.of(session).deliveries(session).carriedByPending(model.getId()));
    }
    if (typedSecret(model) != null) {
      permissions.requireToRotate(current.get().extras());
    }
  }

  /** A secret the admin typed, or {@code null} when the field is empty or Keycloak's mask. */
  static WebhookSecret typedSecret(ComponentModel model) {
    String typed = model.get(SECRET);
    if (typed == null || typed.isBlank() || ComponentRepresentation.SECRET_VALUE.equals(typed)) {
      return null;
    }
    try {
      return WebhookSecret.parse(typed);
    } catch (IllegalArgumentException e) {
      throw new ComponentValidationException(e.getMessage());
    }
  }

  /**
   * The page entry for an endpoint made through the admin API. Its id is the endpoint's, so the
   * console's hooks find the endpoint there and change nothing.
   */
  static ComponentModel entryFor(RealmModel realm, Endpoint endpoint) {
    ComponentModel model = new ComponentModel();
    model.setId(endpoint.id());
    model.setParentId(realm.getId());
    model.setProviderType(UiPageProvider.class.getName());
    model.setProviderId(WebhookPage.ID);
    model.setName(endpoint.url().toString());
    describe(model, endpoint);
    return model;
  }

  static void describe(ComponentModel model, Endpoint endpoint) {
    model.put(URL, endpoint.url().toString());
    model.getConfig().put(EVENTS, new java.util.ArrayList<>(endpoint.events().patterns()));
    model.put(ENABLED, endpoint.enabled());
    if (endpoint.description() == null) {
      model.getConfig().remove(DESCRIPTION);
    } else {
      model.put(DESCRIPTION, endpoint.description());
    }
    model.put(INCLUDE_APP_METADATA, endpoint.includeAppMetadata());
    model.getConfig().remove(SECRET);
  }

  static EndpointStore store(KeycloakSession session) {
    return Webhooks.of(session).endpoints(session);
  }
}

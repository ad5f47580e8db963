package io.kcuserdata.admin.suspension;

import static io.kcuserdata.admin.http.UserDataResponses.guarded;
import static io.kcuserdata.admin.http.UserDataResponses.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kcuserdata.admin.http.ApiError;
import io.kcuserdata.admin.http.JsonBody;
import io.kcuserdata.core.access.Caller;
import io.kcuserdata.core.json.Json;
import io.kcuserdata.core.namespace.Namespace;
import io.kcuserdata.core.spi.UserDataProvider;
import io.kcuserdata.core.status.StatusKey;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;

/**
 * {@code GET|PUT …/users/{id}/blocked-clients}: the client ids the user may not sign in to, kept in
 * {@code status.blocked_clients} and enforced by {@code userdata-client-access-guard}. Blocking a
 * client also ends the user's sessions with it, so its refresh tokens stop working at once.
 */
public final class BlockedClients {

  static final int MAX_CLIENTS = 100;

  private final KeycloakSession session;
  private final RealmModel realm;
  private final AdminEventBuilder adminEvent;
  private final UserModel user;

  public BlockedClients(
      KeycloakSession session, RealmModel realm, AdminEventBuilder adminEvent, UserModel user) {
    this.session = session;
    this.realm = realm;
    this.adminEvent = adminEvent;
    this.user = user;
  }

  public Response get() {
    return json(current(), null);
  }

  public Response replace(String contentType, InputStream body) {
    Set<String> wanted = parse(JsonBody.read(contentType, body, JsonBody.JSON));
    return guarded(
        () -> {
          Set<String> before = new LinkedHashSet<>();
          current().forEach(id -> before.add(id.asText()));
          ArrayNode list = Json.NODES.arrayNode();
          wanted.forEach(list::add);
          ObjectNode status = Json.object();
          if (wanted.isEmpty()) {
            status.putNull(StatusKey.BLOCKED_CLIENTS.key());
          } else {
            status.set(StatusKey.BLOCKED_CLIENTS.key(), list);
          }
          ObjectNode document = Json.object();
          document.set(Namespace.STATUS.name(), status);
          session
              .getProvider(UserDataProvider.class)
              .patch(realm, user, Caller.system(), document, null);
          for (String clientId : wanted) {
            if (!before.contains(clientId)) {
              Sessions.endFor(session, realm, user, realm.getClientByClientId(clientId));
            }
          }
          adminEvent
              .clone(session)
              .operation(OperationType.UPDATE)
              .resource(ResourceType.USER)
              .resourcePath(session.getContext().getUri())
              .representation(Map.of("blocked_clients", wanted))
              .success();
          return json(list, null);
        });
  }

  private ArrayNode current() {
    JsonNode stored =
        session
            .getProvider(UserDataProvider.class)
            .read(realm, user)
            .get(Namespace.STATUS)
            .path(StatusKey.BLOCKED_CLIENTS.key());
    ArrayNode list = Json.NODES.arrayNode();
    if (stored.isArray()) {
      // What the guard enforces: string elements only.
      stored.forEach(
          id -> {
            if (id.isTextual()) {
              list.add(id.asText());
            }
          });
    }
    return list;
  }

  /** A JSON array of existing client ids, duplicates dropped, order kept. */
  private Set<String> parse(JsonNode body) {
    if (!body.isArray()) {
      throw ApiError.invalidRequest(
          "the body is a JSON array of client ids, e.g. [\"billing-app\"]");
    }
    if (body.size() > MAX_CLIENTS) {
      throw ApiError.invalidRequest(
          "at most " + MAX_CLIENTS + " clients can be blocked for a user");
    }
    Set<String> ids = new LinkedHashSet<>();
    for (JsonNode element : body) {
      if (!element.isTextual() || element.asText().isBlank()) {
        throw ApiError.invalidRequest("every element is a client id (a non-empty string)");
      }
      ClientModel client = realm.getClientByClientId(element.asText());
      if (client == null) {
        throw ApiError.invalidRequest(
            "no client " + element.asText() + " in realm " + realm.getName());
      }
      ids.add(client.getClientId());
    }
    return ids;
  }
}

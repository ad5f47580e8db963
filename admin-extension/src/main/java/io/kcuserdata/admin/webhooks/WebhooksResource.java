package io.kcuserdata.admin.webhooks;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kcuserdata.admin.http.ApiError;
import io.kcuserdata.admin.http.JsonBody;
import io.kcuserdata.admin.http.QueryNumbers;
import io.kcuserdata.core.net.OutboundUse;
import io.kcuserdata.core.spi.UserDataProvider;
import io.kcuserdata.events.webhooks.Webhooks;
import io.kcuserdata.events.webhooks.catalog.PayloadExtra;
import io.kcuserdata.events.webhooks.endpoint.Endpoint;
import io.kcuserdata.events.webhooks.endpoint.EndpointStore;
import io.kcuserdata.events.webhooks.outbox.DeliveryLog;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import org.keycloak.component.ComponentModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * {@code /admin/realms/{realm}/user-data/webhooks}: the realm's webhook endpoints, their secrets
 * (shown once, at creation and rotation), test pings and delivery log. Needs manage-realm or
 * manage-events; whatever sends users' hidden data, or shows what receivers answered, needs
 * view-users as well ({@link WebhookPermissions}).
 */
public final class WebhooksResource {

  private static final Set<String> STATUSES = Set.of("pending", "delivered", "failed");

  private final KeycloakSession session;
  private final RealmModel realm;
  private final Webhooks webhooks;
  private final WebhookPermissions permissions;

  public WebhooksResource(
      KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth) {
    if (!auth.realm().canManageRealm() && !auth.realm().canManageEvents()) {
      throw ApiError.forbidden("webhooks need the manage-realm or manage-events permission");
    }
    this.session = session;
    this.realm = realm;
    this.webhooks = Webhooks.of(session);
    if (webhooks == null) {
      throw ApiError.notFound("the userdata-webhooks event listener is not installed");
    }
    this.permissions = WebhookPermissions.of(auth);
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public ArrayNode list() {
    ArrayNode list = JsonNodeFactory.instance.arrayNode();
    store().list(realm.getId()).forEach(e -> list.add(EndpointJson.endpoint(e)));
    return list;
  }

  @POST
  @Consumes(MediaType.WILDCARD)
  @Produces(MediaType.APPLICATION_JSON)
  public Response create(@HeaderParam(HttpHeaders.CONTENT_TYPE) String type, InputStream body) {
    EndpointRequest request = request(type, body);
    permissions.requireToConfigure(request.extras());
    EndpointStore.WithSecret created =
        store()
            .create(
                realm.getId(),
                request.url(),
                request.events(),
                request.enabled(),
                request.description(),
                request.includeAppMetadata());
    webhooks.changed(realm.getId());
    if (WebhookComponents.pageEnabled(session)) {
      realm.addComponentModel(WebhookComponents.entryFor(realm, created.endpoint()));
    }
    ObjectNode json = EndpointJson.endpoint(created.endpoint()).put("secret", created.secret());
    return Response.status(Response.Status.CREATED).entity(json).build();
  }

  @GET
  @Path("{id}")
  @Produces(MediaType.APPLICATION_JSON)
  public ObjectNode get(@PathParam("id") String id) {
    return EndpointJson.endpoint(endpoint(id));
  }

  @PUT
  @Path("{id}")
  @Consumes(MediaType.WILDCARD)
  @Produces(MediaType.APPLICATION_JSON)
  public ObjectNode replace(
      @PathParam("id") String id,
      @HeaderParam(HttpHeaders.CONTENT_TYPE) String type,
      InputStream body) {
    Endpoint current = endpoint(id);
    EndpointRequest request = request(type, body);
    permissions.requireToConfigure(request.extras());
    if (!request.url().equals(current.url())) {
      permissions.requireToMove(webhooks.deliveries(session).carriedByPending(id));
    }
    Endpoint updated =
        store()
            .update(
                realm.getId(),
                id,
                request.url(),
                request.events(),
                request.enabled(),
                request.description(),
                request.includeAppMetadata())
            .orElseThrow(() -> notFound(id));
    webhooks.changed(realm.getId());
    mirror(updated);
    return EndpointJson.endpoint(updated);
  }

  @DELETE
  @Path("{id}")
  public Response delete(@PathParam("id") String id) {
    if (!store().delete(realm.getId(), id)) {
      throw notFound(id);
    }
    webhooks.changed(realm.getId());
    ComponentModel entry = realm.getComponent(id);
    if (entry != null && WebhookPage.ID.equals(entry.getProviderId())) {
      realm.removeComponent(entry);
    }
    return Response.noContent().build();
  }

  @POST
  @Path("{id}/rotate-secret")
  @Produces(MediaType.APPLICATION_JSON)
  public ObjectNode rotate(@PathParam("id") String id) {
    permissions.requireToRotate(endpoint(id).extras());
    EndpointStore.WithSecret rotated =
        store()
            .rotate(realm.getId(), id, webhooks.rotationOverlap())
            .orElseThrow(() -> notFound(id));
    return EndpointJson.endpoint(rotated.endpoint())
        .put("secret", rotated.secret())
        .put("previousSecretValidUntil", Instant.now().plus(webhooks.rotationOverlap()).toString());
  }

  @POST
  @Path("{id}/test")
  @Produces(MediaType.APPLICATION_JSON)
  public Response test(@PathParam("id") String id) {
    Endpoint endpoint = endpoint(id);
    String messageId = Pings.queue(session, realm, endpoint, webhooks);
    ObjectNode json = JsonNodeFactory.instance.objectNode().put("messageId", messageId);
    return Response.accepted(json).build();
  }

  @GET
  @Path("{id}/deliveries")
  @Produces(MediaType.APPLICATION_JSON)
  public ArrayNode deliveries(
      @PathParam("id") String id,
      @QueryParam("status") String status,
      @QueryParam("first") String first,
      @QueryParam("max") String max) {
    endpoint(id);
    if (status != null && !STATUSES.contains(status)) {
      throw ApiError.invalidRequest("status must be pending, delivered or failed");
    }
    ArrayNode list = JsonNodeFactory.instance.arrayNode();
    webhooks
        .deliveries(session)
        .of(
            id,
            status == null ? null : status.toUpperCase(Locale.ROOT),
            QueryNumbers.of("first", first, 0),
            QueryNumbers.of("max", max, 100))
        .forEach(d -> list.add(EndpointJson.delivery(d, permissions.mayReadResponses())));
    return list;
  }

  @POST
  @Path("{id}/deliveries/{deliveryId}/retry")
  @Produces(MediaType.APPLICATION_JSON)
  public Response retry(@PathParam("id") String id, @PathParam("deliveryId") String deliveryId) {
    endpoint(id);
    DeliveryLog log = webhooks.deliveries(session);
    String payload =
        log.message(id, deliveryId)
            .orElseThrow(() -> ApiError.notFound("no delivery " + deliveryId + " of webhook " + id))
            .getPayload();
    permissions.requireToResend(PayloadExtra.carriedBy(payload));
    log.retry(id, deliveryId);
    webhooks.wakeAfterCommit(session);
    // Keycloak's security-headers filter wants a media type on every answer with a body status.
    ObjectNode json =
        JsonNodeFactory.instance.objectNode().put("id", deliveryId).put("status", "pending");
    return Response.accepted(json).build();
  }

  /** The console's entry follows a change made here (and appears for an endpoint made earlier). */
  private void mirror(Endpoint endpoint) {
    if (!WebhookComponents.pageEnabled(session)) {
      return;
    }
    ComponentModel entry = realm.getComponent(endpoint.id());
    if (entry == null) {
      realm.addComponentModel(WebhookComponents.entryFor(realm, endpoint));
    } else if (WebhookPage.ID.equals(entry.getProviderId())) {
      WebhookComponents.describe(entry, endpoint);
      realm.updateComponent(entry);
    }
  }

  private EndpointRequest request(String type, InputStream body) {
    return EndpointRequest.read(
        JsonBody.read(type, body, JsonBody.JSON),
        session.getProvider(UserDataProvider.class).outboundGuard(OutboundUse.WEBHOOKS));
  }

  private Endpoint endpoint(String id) {
    return store().get(realm.getId(), id).orElseThrow(() -> notFound(id));
  }

  private EndpointStore store() {
    return webhooks.endpoints(session);
  }

  private ApiError notFound(String id) {
    return ApiError.notFound("no webhook " + id + " in realm " + realm.getName());
  }
}

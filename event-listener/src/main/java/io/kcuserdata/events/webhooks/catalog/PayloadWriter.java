package io.kcuserdata.events.webhooks.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kcuserdata.core.json.Json;

/**
 * The exact bytes of a webhook body: compact UTF-8 JSON, members in a fixed order, null members
 * left out. The signature covers these bytes, so they are produced once (when the event is queued)
 * and never re-serialized; the order is fixed so that equal events give equal bodies.
 *
 * <p>Shape: {@code {"type","timestamp","data":{"realm":{"id","name"},"user":{…},"actor":{…},
 * "client_id","ip","organization":{"id","alias","name"},"details":{…}}}}. {@code details} is always
 * present, possibly empty, so receivers need not test for it.
 */
public final class PayloadWriter {

  private PayloadWriter() {}

  /**
   * @param includeAppMetadata the endpoint's {@code includeAppMetadata}: {@code app_metadata} is
   *     data the user never sees, so it leaves Keycloak only for endpoints that asked for it
   */
  public static byte[] write(PayloadData data, boolean includeAppMetadata) {
    try {
      return Json.MAPPER.writeValueAsBytes(tree(data, includeAppMetadata));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serializes", e);
    }
  }

  static ObjectNode tree(PayloadData data, boolean includeAppMetadata) {
    ObjectNode root = Json.object();
    root.put("type", data.type().wireName());
    root.put("timestamp", Rfc3339.format(data.timestamp()));
    ObjectNode body = root.putObject("data");
    ObjectNode realm = body.putObject("realm");
    putIfPresent(realm, "id", data.realmId());
    putIfPresent(realm, "name", data.realmName());
    if (data.user() != null) {
      body.set("user", user(data.user(), includeAppMetadata));
    }
    if (data.actor() != null) {
      body.set("actor", actor(data.actor()));
    }
    putIfPresent(body, "client_id", data.clientId());
    putIfPresent(body, "ip", data.ip());
    if (data.organization() != null) {
      body.set("organization", organization(data.organization()));
    }
    body.set("details", SafeDetails.of(data.details()));
    return root;
  }

  private static ObjectNode user(UserSummary user, boolean includeAppMetadata) {
    ObjectNode out = Json.object();
    putIfPresent(out, "id", user.id());
    putIfPresent(out, "username", user.username());
    putIfPresent(out, "email", user.email());
    putIfPresent(out, "email_verified", user.emailVerified());
    putIfPresent(out, "first_name", user.firstName());
    putIfPresent(out, "last_name", user.lastName());
    putIfPresent(out, "enabled", user.enabled());
    if (user.createdTimestamp() != null) {
      out.put("created_at", Rfc3339.formatEpochMillis(user.createdTimestamp()));
    }
    if (includeAppMetadata && user.appMetadata() != null) {
      out.set(PayloadExtra.APP_METADATA.member(), user.appMetadata().deepCopy());
    }
    return out;
  }

  private static ObjectNode actor(Actor actor) {
    ObjectNode out = Json.object();
    putIfPresent(out, "type", actor.type());
    putIfPresent(out, "id", actor.userId());
    putIfPresent(out, "username", actor.username());
    putIfPresent(out, "client_id", actor.clientId());
    putIfPresent(out, "realm", actor.realmName());
    return out;
  }

  /** Only the published members, in the published order, whatever else the node holds. */
  private static ObjectNode organization(ObjectNode organization) {
    ObjectNode out = Json.object();
    for (String member : new String[] {"id", "alias", "name"}) {
      JsonNode value = organization.get(member);
      if (value != null && !value.isNull()) {
        out.put(member, value.asText());
      }
    }
    return out;
  }

  private static void putIfPresent(ObjectNode node, String name, String value) {
    if (value != null) {
      node.put(name, value);
    }
  }

  private static void putIfPresent(ObjectNode node, String name, Boolean value) {
    if (value != null) {
      node.put(name, value);
    }
  }
}

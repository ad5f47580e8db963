package io.kcuserdata.events.webhooks.catalog;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kcuserdata.core.json.Json;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Sample payloads shared by the writer and schema tests. */
final class Payloads {

  static final Instant AT = Instant.parse("2026-11-22T10:00:00.123456789Z");

  /** 2023-11-14T22:13:20Z. */
  static final long CREATED = 1_700_000_000_000L;

  private Payloads() {}

  static ObjectNode appMetadata() {
    ObjectNode node = Json.object();
    node.put("tier", "gold");
    return node;
  }

  static UserSummary jdoe() {
    return new UserSummary(
        "u-1", "jdoe", "jdoe@example.com", true, "Jane", "Doe", true, CREATED, appMetadata());
  }

  static ObjectNode acme() {
    ObjectNode org = Json.object();
    org.put("name", "Acme Inc.");
    org.put("id", "o-1");
    org.put("alias", "acme");
    return org;
  }

  static Map<String, Object> loginDetails() {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("redirect_uri", "https://app.example.com/cb");
    details.put("code_id", "c0de");
    details.put("auth_method", "openid-connect");
    details.put("remember_me", "false");
    return details;
  }

  static PayloadData login() {
    return new PayloadData(
        WebhookEventType.USER_LOGIN,
        AT,
        "r-1",
        "acme",
        jdoe(),
        Actor.user("u-1", "jdoe", "web-app"),
        "web-app",
        "10.0.0.1",
        loginDetails(),
        null);
  }

  /** Everything a payload of that type may carry, as the listener would fill it. */
  static PayloadData fullOf(WebhookEventType type) {
    boolean organization = type.wireName().startsWith("organization.");
    return new PayloadData(
        type,
        AT,
        "r-1",
        "acme",
        type == WebhookEventType.PING ? null : jdoe(),
        Actor.admin("a-1", "admin", "admin-cli", "master"),
        "admin-cli",
        "10.0.0.2",
        Map.of("credential_type", "password", "namespaces", "custom_data"),
        organization ? acme() : null);
  }

  /** The least a payload of that type may carry. */
  static PayloadData minimalOf(WebhookEventType type) {
    boolean organization = type.wireName().startsWith("organization.");
    return new PayloadData(
        type,
        AT,
        "r-1",
        "acme",
        type == WebhookEventType.PING ? null : UserSummary.ofId("u-1"),
        null,
        null,
        null,
        null,
        organization ? acme() : null);
  }

  static PayloadData withUser(PayloadData data, UserSummary user) {
    return new PayloadData(
        data.type(),
        data.timestamp(),
        data.realmId(),
        data.realmName(),
        user,
        data.actor(),
        data.clientId(),
        data.ip(),
        data.details(),
        data.organization());
  }

  static PayloadData withDetails(Map<String, Object> details) {
    PayloadData data = login();
    return new PayloadData(
        data.type(),
        data.timestamp(),
        data.realmId(),
        data.realmName(),
        data.user(),
        data.actor(),
        data.clientId(),
        data.ip(),
        details,
        data.organization());
  }
}

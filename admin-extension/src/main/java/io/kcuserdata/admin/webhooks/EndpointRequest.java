package io.kcuserdata.admin.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import io.kcuserdata.admin.http.ApiError;
import io.kcuserdata.core.net.OutboundUse;
import io.kcuserdata.core.net.SsrfDecision;
import io.kcuserdata.core.net.SsrfGuard;
import io.kcuserdata.events.webhooks.catalog.PayloadExtra;
import io.kcuserdata.events.webhooks.endpoint.EventPatterns;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * A create or replace request for an endpoint, checked: bad input answers 400 and changes nothing.
 */
record EndpointRequest(
    URI url,
    EventPatterns events,
    boolean enabled,
    String description,
    boolean includeAppMetadata) {

  private static final Set<String> MEMBERS =
      Set.of(
          "id",
          "url",
          "events",
          "enabled",
          "description",
          "includeAppMetadata",
          "disabledReason",
          "createdAt");

  /** What the endpoint's payloads will carry beyond the event. */
  Set<PayloadExtra> extras() {
    return PayloadExtra.askedFor(includeAppMetadata);
  }

  static EndpointRequest read(JsonNode body, SsrfGuard guard) {
    if (!body.isObject()) {
      throw ApiError.invalidRequest("the body must be a JSON object");
    }
    body.fieldNames()
        .forEachRemaining(
            name -> {
              if (!MEMBERS.contains(name)) {
                throw ApiError.invalidRequest("unknown member " + name);
              }
            });
    URI url = url(body.path("url"), guard);
    JsonNode events = body.path("events");
    if (!events.isArray()) {
      throw ApiError.invalidRequest("events must be an array of event types or patterns");
    }
    List<String> patterns = new ArrayList<>();
    events.forEach(
        e -> {
          if (!e.isTextual()) {
            throw ApiError.invalidRequest("events must hold strings");
          }
          patterns.add(e.textValue());
        });
    EventPatterns parsed;
    try {
      parsed = EventPatterns.parse(patterns);
    } catch (IllegalArgumentException e) {
      throw ApiError.invalidRequest(e.getMessage());
    }
    JsonNode description = body.path("description");
    if (!description.isMissingNode() && !description.isNull() && !description.isTextual()) {
      throw ApiError.invalidRequest("description must be a string");
    }
    String text = description.isTextual() ? description.textValue().strip() : null;
    if (text != null && text.length() > 255) {
      throw ApiError.invalidRequest("description is longer than 255 characters");
    }
    return new EndpointRequest(
        url, parsed, flag(body, "enabled", true), text, flag(body, "includeAppMetadata", false));
  }

  private static boolean flag(JsonNode body, String name, boolean fallback) {
    JsonNode value = body.path(name);
    if (value.isMissingNode() || value.isNull()) {
      return fallback;
    }
    if (!value.isBoolean()) {
      throw ApiError.invalidRequest(name + " must be true or false");
    }
    return value.booleanValue();
  }

  private static URI url(JsonNode value, SsrfGuard guard) {
    if (!value.isTextual()) {
      throw ApiError.invalidRequest("url is required: the receiver's http(s) URL");
    }
    if (value.textValue().length() > 2048) {
      throw ApiError.invalidRequest("url is longer than 2048 characters");
    }
    SsrfDecision syntax = SsrfGuard.checkUrlSyntax(value.textValue());
    if (!syntax.allowed()) {
      throw ApiError.invalidRequest("url is refused: " + syntax.reason());
    }
    URI url = URI.create(value.textValue().strip());
    List<InetAddress> addresses;
    try {
      addresses = Arrays.asList(InetAddress.getAllByName(url.getHost()));
    } catch (UnknownHostException e) {
      return url; // checked again, after resolution, at every delivery
    }
    SsrfDecision decision = guard.check(url, host -> addresses);
    if (!decision.allowed()) {
      throw ApiError.invalidRequest(
          "url is refused: "
              + decision.reason()
              + "; an operator can allow internal hosts with "
              + OutboundUse.WEBHOOKS.howToAllow());
    }
    return url;
  }
}

package io.kcuserdata.events.webhooks.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import io.kcuserdata.core.json.Json;
import io.kcuserdata.core.namespace.Namespace;
import java.util.EnumSet;
import java.util.Set;

/**
 * What a payload carries only for an endpoint that asks for it: user data beyond what the event
 * itself shows, which Keycloak shows nobody who may not view users. Each is asked for by an
 * endpoint option and travels as one member of {@code data.user}. A new option that widens payloads
 * is a new constant here, and the admin API then asks the same permission for it.
 */
public enum PayloadExtra {
  APP_METADATA("includeAppMetadata", Namespace.APP_METADATA.name());

  private final String option;
  private final String member;

  PayloadExtra(String option, String member) {
    this.option = option;
    this.member = member;
  }

  /** The endpoint option that asks for it, as the admin API names it. */
  public String option() {
    return option;
  }

  /** Its member in {@code data.user}. */
  public String member() {
    return member;
  }

  /** The extras an endpoint with these options receives. */
  public static Set<PayloadExtra> askedFor(boolean includeAppMetadata) {
    return includeAppMetadata ? EnumSet.of(APP_METADATA) : EnumSet.noneOf(PayloadExtra.class);
  }

  /** The extras a stored payload (its exact JSON text) carries. */
  public static Set<PayloadExtra> carriedBy(String payload) {
    JsonNode user = Json.parseOrNull(payload);
    user = user == null ? null : user.path("data").path("user");
    Set<PayloadExtra> carried = EnumSet.noneOf(PayloadExtra.class);
    for (PayloadExtra extra : values()) {
      if (user != null && user.has(extra.member)) {
        carried.add(extra);
      }
    }
    return carried;
  }

  /**
   * A SQL {@code LIKE} pattern, with {@code !} as its escape character, that matches every stored
   * payload carrying this extra: the payload is compact JSON and a quote inside a string is always
   * escaped, so {@code "member":} appears only as a member name.
   */
  public String storedPattern() {
    return "%\"" + member.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "\":%";
  }
}

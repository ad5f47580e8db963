package io.kcuserdata.themes.progressive.action;

import io.kcuserdata.themes.progressive.CollectedAttribute;
import java.util.Map;
import java.util.Set;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.events.EventType;

/** The events a prompt leaves in the realm's event log. */
final class PromptEvents {

  private PromptEvents() {}

  /** The change shows in the realm's events, and so in webhooks, as UPDATE_PROFILE. */
  static void saved(
      RequiredActionContext context,
      Map<CollectedAttribute, String> chosen,
      Set<String> namespaces) {
    var event =
        context
            .getEvent()
            .clone()
            .event(EventType.UPDATE_PROFILE)
            .detail("userdata_prompt", "progressive-profile")
            .detail(
                "updated_attributes",
                String.join(",", chosen.keySet().stream().map(CollectedAttribute::name).toList()));
    if (!namespaces.isEmpty()) {
      event.detail("userdata_namespaces", String.join(",", namespaces));
    }
    event.success();
  }
}

package io.kcuserdata.mappers.report;

import java.util.Map;
import org.keycloak.events.Details;
import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventType;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.models.KeycloakSession;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Puts what the identity-provider mappers skipped into the details of the brokered sign-in's {@code
 * LOGIN} event, for the admin console's event list and for other listeners. Any other event costs
 * one map lookup.
 */
final class SkippedImportsListener implements EventListenerProvider {

  private final KeycloakSession session;

  SkippedImportsListener(KeycloakSession session) {
    this.session = session;
  }

  @Override
  public void onEvent(Event event) {
    Map<String, String> details = event.getDetails();
    if (event.getType() != EventType.LOGIN
        || details == null
        || !details.containsKey(Details.IDENTITY_PROVIDER)) {
      return;
    }
    AuthenticationSessionModel authSession = session.getContext().getAuthenticationSession();
    String note = authSession == null ? null : authSession.getAuthNote(SkippedImports.NOTE);
    if (note == null) {
      return;
    }
    authSession.removeAuthNote(SkippedImports.NOTE);
    details.put(SkippedImports.DETAIL, SkippedImports.detail(note));
    StoredEventDetails.rewrite(session, event);
  }

  @Override
  public void onEvent(AdminEvent event, boolean includeRepresentation) {}

  @Override
  public void close() {}
}

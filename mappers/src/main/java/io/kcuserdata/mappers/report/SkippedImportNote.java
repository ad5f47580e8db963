package io.kcuserdata.mappers.report;

import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.sessions.AuthenticationSessionModel;

/** Adds an entry to the sign-in's note for its {@code LOGIN} event to report. */
public final class SkippedImportNote {

  private SkippedImportNote() {}

  public static void record(
      KeycloakSession session, BrokeredIdentityContext context, String entry) {
    AuthenticationSessionModel authSession = context.getAuthenticationSession();
    if (authSession == null) {
      authSession = session.getContext().getAuthenticationSession();
    }
    if (authSession != null) {
      authSession.setAuthNote(
          SkippedImports.NOTE,
          SkippedImports.append(authSession.getAuthNote(SkippedImports.NOTE), entry));
    }
  }
}

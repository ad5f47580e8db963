package io.kcuserdata.admin.selfservice;

import jakarta.ws.rs.Path;
import org.keycloak.models.KeycloakSession;

/** {@code /realms/{realm}/user-data}: the root of the pack's public endpoints. */
public final class SelfServiceRoot {

  private final KeycloakSession session;

  SelfServiceRoot(KeycloakSession session) {
    this.session = session;
  }

  @Path("me")
  public MeResource me() {
    return new MeResource(session);
  }
}

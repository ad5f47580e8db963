package io.kcuserdata.admin.selfservice;

import io.kcuserdata.admin.delegation.AdministeredOrganizations;
import io.kcuserdata.admin.delegation.DelegatedAdminClients;
import io.kcuserdata.admin.delegation.DelegatedAdminPage;
import io.kcuserdata.admin.delegation.MembersResource;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.keycloak.models.KeycloakSession;

/** {@code /realms/{realm}/user-data}: the root of the pack's public endpoints. */
public final class SelfServiceRoot {

  private final KeycloakSession session;
  private final DelegatedAdminClients delegatedAdminClients;

  SelfServiceRoot(KeycloakSession session, DelegatedAdminClients delegatedAdminClients) {
    this.session = session;
    this.delegatedAdminClients = delegatedAdminClients;
  }

  @Path("delegated-admin")
  public DelegatedAdminPage delegatedAdminPage() {
    return new DelegatedAdminPage(session);
  }

  @GET
  @Path("organizations")
  public Response administeredOrganizations() {
    return AdministeredOrganizations.list(session, delegatedAdminClients);
  }

  @Path("organizations/{orgId}/members")
  public MembersResource members(@PathParam("orgId") String orgId) {
    return new MembersResource(session, delegatedAdminClients, orgId);
  }

  @Path("me")
  public MeResource me() {
    return new MeResource(session);
  }
}

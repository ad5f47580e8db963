package io.kcuserdata.admin.delegation;

import static io.kcuserdata.admin.http.UserDataResponses.guarded;
import static io.kcuserdata.admin.http.UserDataResponses.json;

import io.kcuserdata.admin.http.JsonBody;
import io.kcuserdata.admin.suspension.Suspender;
import io.kcuserdata.admin.suspension.Suspension;
import io.kcuserdata.core.spi.UserDataProvider;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.organization.OrganizationProvider;

/**
 * {@code …/organizations/{orgId}/members/{userId}}: one member, as a delegated admin acts on it.
 */
public final class MemberResource {

  private final KeycloakSession session;
  private final RealmModel realm;
  private final DelegatedCaller caller;
  private final UserModel member;
  private final UserDataProvider data;

  MemberResource(
      KeycloakSession session,
      RealmModel realm,
      DelegatedCaller caller,
      UserModel member,
      UserDataProvider data) {
    this.session = session;
    this.realm = realm;
    this.caller = caller;
    this.member = member;
    this.data = data;
  }

  /**
   * Members with more power than an ordinary member are for realm admins: see {@link
   * MemberProtection}.
   */
  private void requireOrdinaryMember() {
    ProtectedMembers.requireUnprotected(session, realm, member);
  }

  @GET
  public Response get() {
    return json(MemberView.of(realm, member, caller, data), null);
  }

  @PATCH
  public Response patch(
      @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream body) {
    MemberChange change =
        MemberChange.parse(
            JsonBody.read(contentType, body, JsonBody.MERGE_PATCH, JsonBody.JSON),
            caller.organization().getAlias(),
            false);
    return guarded(
        () -> {
          new MemberWriter(session, realm, caller, data).update(member, change);
          return json(MemberView.of(realm, member, caller, data), null);
        });
  }

  /** Ends the membership; Keycloak deletes a managed member (one the organization's IdP made). */
  @DELETE
  public Response remove() {
    requireOrdinaryMember();
    session.getProvider(OrganizationProvider.class).removeMember(caller.organization(), member);
    MemberEvents.membership(caller, session, member, OperationType.DELETE);
    return Response.noContent().build();
  }

  @POST
  @Path("suspend")
  public Response suspend(
      @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream body) {
    requireOrdinaryMember();
    return suspension().suspend(contentType, body);
  }

  @POST
  @Path("unsuspend")
  public Response unsuspend() {
    requireOrdinaryMember();
    return suspension().unsuspend();
  }

  private Suspension suspension() {
    Suspender through =
        Suspender.throughOrganization(caller.admin().getId(), caller.organization().getAlias());
    return new Suspension(session, realm, caller.events(), member, through);
  }

  @POST
  @Path("send-verify-email")
  public Response sendVerifyEmail() {
    requireOrdinaryMember();
    ActionEmails.verifyEmail(session, realm, member);
    MemberEvents.emailSent(caller, session, member, "send-verify-email");
    return Response.noContent().build();
  }

  @POST
  @Path("reset-password-email")
  public Response resetPasswordEmail() {
    requireOrdinaryMember();
    ActionEmails.resetPassword(session, realm, member);
    MemberEvents.emailSent(caller, session, member, "reset-password-email");
    return Response.noContent().build();
  }
}

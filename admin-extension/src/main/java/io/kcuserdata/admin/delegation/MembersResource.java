package io.kcuserdata.admin.delegation;

import static io.kcuserdata.admin.http.UserDataResponses.guarded;
import static io.kcuserdata.admin.http.UserDataResponses.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.kcuserdata.admin.http.ApiError;
import io.kcuserdata.admin.http.JsonBody;
import io.kcuserdata.admin.http.QueryNumbers;
import io.kcuserdata.core.json.Json;
import io.kcuserdata.core.spi.UserDataProvider;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.organization.OrganizationProvider;

/**
 * {@code /realms/{realm}/user-data/organizations/{orgId}/members}: a delegated admin lists,
 * searches and creates the members of an organization they administer.
 */
public final class MembersResource {

  static final int MAX_PAGE = 100;

  private final KeycloakSession session;
  private final RealmModel realm;
  private final DelegatedCaller caller;
  private final OrganizationProvider organizations;
  private final UserDataProvider data;

  public MembersResource(KeycloakSession session, DelegatedAdminClients clients, String orgId) {
    this.session = session;
    this.realm = session.getContext().getRealm();
    this.caller = DelegatedCaller.authenticate(session, clients, orgId);
    this.organizations = session.getProvider(OrganizationProvider.class);
    this.data = session.getProvider(UserDataProvider.class);
  }

  @GET
  public Response list(
      @QueryParam("search") String search,
      @QueryParam("first") String first,
      @QueryParam("max") String max) {
    int from = QueryNumbers.of("first", first, 0);
    int size = QueryNumbers.of("max", max, 20);
    if (from < 0 || size < 1 || size > MAX_PAGE) {
      throw ApiError.invalidRequest("first is at least 0 and max 1 to " + MAX_PAGE);
    }
    ArrayNode members = Json.NODES.arrayNode();
    organizations
        .getMembersStream(caller.organization(), blankToNull(search), false, from, size)
        .forEach(member -> members.add(MemberView.of(realm, member, caller, data)));
    return json(members, null);
  }

  @POST
  public Response create(
      @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream body) {
    MemberChange change =
        MemberChange.parse(
            JsonBody.read(contentType, body, JsonBody.JSON),
            caller.organization().getAlias(),
            true);
    return guarded(
        () -> {
          UserModel member = new MemberWriter(session, realm, caller, data).create(change);
          return Response.status(Response.Status.CREATED)
              .entity(Json.compact(MemberView.of(realm, member, caller, data)))
              .type(JsonBody.JSON)
              .build();
        });
  }

  @Path("{userId}")
  public MemberResource member(@PathParam("userId") String userId) {
    UserModel member = session.users().getUserById(realm, userId);
    // Another organization's member, or no user at all: the same answer.
    if (member == null || !organizations.isMember(caller.organization(), member)) {
      throw ApiError.notFound("no member " + userId + " in this organization");
    }
    return new MemberResource(session, realm, caller, member, data);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}

package io.kcuserdata.admin.selfservice;

import static io.kcuserdata.admin.http.UserDataResponses.guarded;
import static io.kcuserdata.admin.http.UserDataResponses.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.kcuserdata.admin.export.DataSubjectExport;
import io.kcuserdata.admin.http.JsonBody;
import io.kcuserdata.core.access.Caller;
import io.kcuserdata.core.document.UserDataDocument;
import io.kcuserdata.core.service.Change;
import io.kcuserdata.core.service.UserDataService.WriteResult;
import io.kcuserdata.core.spi.Memberships;
import io.kcuserdata.core.spi.UserDataProvider;
import io.kcuserdata.core.spi.UserLock;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.AccountRoles;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.cors.Cors;

/**
 * {@code /realms/{realm}/user-data/me}: the signed-in user's own data. Reading needs the account
 * role view-profile or manage-account, writing manage-account; the user writes only {@code profile}
 * and {@code user_metadata}.
 */
public final class MeResource {

  private final KeycloakSession session;

  MeResource(KeycloakSession session) {
    this.session = session;
  }

  @GET
  public Response get() {
    AccountToken caller = AccountToken.authenticate(session);
    caller.requireOneOf(AccountRoles.MANAGE_ACCOUNT, AccountRoles.VIEW_PROFILE);
    Caller user = callerFor(caller.user());
    UserDataDocument document = data().read(realm(), caller.user());
    return json(document.view(user), document.etag(user));
  }

  @PATCH
  public Response patch(
      @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      InputStream body) {
    AccountToken caller = AccountToken.authenticate(session);
    caller.requireOneOf(AccountRoles.MANAGE_ACCOUNT);
    JsonNode patch = JsonBody.read(contentType, body, JsonBody.MERGE_PATCH, JsonBody.JSON);
    UserModel userModel = caller.user();
    Caller user = callerFor(userModel);
    return guarded(
        () -> {
          UserModel locked = UserLock.lockForUpdate(session, userModel);
          WriteResult result = data().patch(realm(), locked, user, patch, ifMatch);
          recordEvent(userModel, result);
          return json(result.document().view(user), result.document().etag(user));
        });
  }

  @GET
  @Path("export")
  public Response export() {
    AccountToken caller = AccountToken.authenticate(session);
    caller.requireOneOf(AccountRoles.MANAGE_ACCOUNT, AccountRoles.VIEW_PROFILE);
    RealmModel realm = session.getContext().getRealm();
    return json(
        DataSubjectExport.forUser(session, realm, caller.user(), callerFor(caller.user())), null);
  }

  @OPTIONS
  @Path("export")
  public Response exportPreflight() {
    return preflight();
  }

  @OPTIONS
  public Response preflight() {
    return Cors.builder()
        .auth()
        .allowedMethods("GET", "PATCH", "OPTIONS")
        .preflight()
        .add(Response.ok());
  }

  private Caller callerFor(UserModel user) {
    RealmModel realm = session.getContext().getRealm();
    return Caller.user(Memberships.of(session, realm, user));
  }

  /** The user's change shows in the realm's events as UPDATE_PROFILE with the keys it touched. */
  private void recordEvent(UserModel user, WriteResult result) {
    if (result.changes().isEmpty()) {
      return;
    }
    RealmModel realm = session.getContext().getRealm();
    Set<String> keys =
        result.changes().stream()
            .flatMap(c -> c.keys().stream().map(k -> c.namespace().name() + "." + k))
            .collect(Collectors.toCollection(TreeSet::new));
    new EventBuilder(realm, session, session.getContext().getConnection())
        .event(EventType.UPDATE_PROFILE)
        .user(user)
        .detail(
            "userdata_namespaces",
            result.changes().stream()
                .map(Change::namespace)
                .map(Object::toString)
                .sorted()
                .collect(Collectors.joining(",")))
        .detail("userdata_keys", String.join(",", keys))
        .success();
  }

  private UserDataProvider data() {
    return session.getProvider(UserDataProvider.class);
  }

  private RealmModel realm() {
    return session.getContext().getRealm();
  }
}

package io.kcuserdata.admin.schemas;

import static io.kcuserdata.admin.http.UserDataResponses.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.kcuserdata.admin.http.ApiError;
import io.kcuserdata.admin.http.JsonBody;
import io.kcuserdata.core.namespace.NamespaceKind;
import io.kcuserdata.core.schema.InvalidSchemaException;
import io.kcuserdata.core.schema.NamespaceSchema;
import io.kcuserdata.core.schema.SchemaTarget;
import io.kcuserdata.core.spi.RealmSchemas;
import io.kcuserdata.core.spi.UserDataProvider;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.organization.OrganizationProvider;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * {@code /admin/realms/{realm}/user-data/schemas/{namespace}}: the JSON Schema a namespace's data
 * must match. As Keycloak's own user-profile configuration ({@code …/users/profile}): reading needs
 * view-realm or a permission to query users, attaching and detaching manage-realm. The dry run
 * lists users' data, so it needs manage-realm and view-users both.
 */
public final class SchemasResource {

  public static final String NDJSON = "application/x-ndjson";

  private final KeycloakSession session;
  private final RealmModel realm;
  private final AdminPermissionEvaluator auth;
  private final AdminEventBuilder adminEvent;
  private final String name;

  public SchemasResource(
      KeycloakSession session,
      RealmModel realm,
      AdminPermissionEvaluator auth,
      AdminEventBuilder adminEvent,
      String name) {
    this.session = session;
    this.realm = realm;
    this.auth = auth;
    this.adminEvent = adminEvent;
    this.name = name;
  }

  @GET
  public Response get() {
    if (!auth.realm().canViewRealm() && !auth.users().canQuery()) {
      throw ApiError.forbidden("reading schemas needs view-realm, query-users or view-users");
    }
    SchemaTarget target = target();
    return json(
        schemas()
            .stored(target)
            .orElseThrow(() -> ApiError.notFound("no schema is attached to " + target.name())),
        null);
  }

  @PUT
  public Response put(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream body) {
    requireManageRealm();
    SchemaTarget target = existing(target());
    JsonNode candidate = JsonBody.read(contentType, body, JsonBody.JSON);
    NamespaceSchema stored;
    try {
      stored = schemas().put(target, candidate);
    } catch (InvalidSchemaException e) {
      throw ApiError.invalidSchema(e.getMessage());
    }
    event(OperationType.UPDATE, stored.document());
    return json(stored.document(), null);
  }

  @DELETE
  public Response delete() {
    requireManageRealm();
    SchemaTarget target = target();
    if (!schemas().delete(target)) {
      throw ApiError.notFound("no schema is attached to " + target.name());
    }
    event(OperationType.DELETE, null);
    return Response.noContent().build();
  }

  /**
   * {@code POST …/check}: streams, one JSON object a line, the users whose stored data would fail
   * the candidate schema, and a summary line last; nothing is stored.
   */
  @POST
  @Path("check")
  public Response check(
      @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream body) {
    requireManageRealm();
    if (!auth.users().canView()) {
      throw ApiError.forbidden("a dry run lists users' data: it needs view-users too");
    }
    SchemaTarget target = existing(target());
    JsonNode candidate = JsonBody.read(contentType, body, JsonBody.JSON);
    NamespaceSchema schema;
    try {
      schema = schemas().compile(candidate);
    } catch (InvalidSchemaException e) {
      throw ApiError.invalidSchema(e.getMessage());
    }
    return Response.ok(new SchemaDryRun(session.getKeycloakSessionFactory(), realm, target, schema))
        .type(NDJSON)
        .header("Cache-Control", "no-store")
        .build();
  }

  private SchemaTarget target() {
    return SchemaTarget.parse(name)
        .orElseThrow(
            () ->
                ApiError.invalidRequest(
                    "no schema can be attached to '" + name + "': " + SchemaTarget.RULE));
  }

  /** A schema for one organization needs the organization: a typo must not go unnoticed. */
  private SchemaTarget existing(SchemaTarget target) {
    if (target.kind() == NamespaceKind.ORG
        && !SchemaTarget.EVERY_ORGANIZATION.equals(target.alias())) {
      OrganizationProvider organizations = session.getProvider(OrganizationProvider.class);
      if (!realm.isOrganizationsEnabled()
          || organizations == null
          || organizations.getByAlias(target.alias()) == null) {
        throw ApiError.notFound(
            "no organization '" + target.alias() + "' in realm " + realm.getName());
      }
    }
    return target;
  }

  private RealmSchemas schemas() {
    return session.getProvider(UserDataProvider.class).schemas(realm);
  }

  private void requireManageRealm() {
    if (!auth.realm().canManageRealm()) {
      throw ApiError.forbidden("attaching schemas needs manage-realm");
    }
  }

  private void event(OperationType operation, JsonNode representation) {
    AdminEventBuilder event =
        adminEvent
            .clone(session)
            .operation(operation)
            .resource(ResourceType.USER_PROFILE)
            .resourcePath(session.getContext().getUri());
    if (representation != null) {
      event.representation(representation);
    }
    event.success();
  }
}

package io.kcuserdata.admin.consent;

import io.kcuserdata.admin.http.ApiError;
import io.kcuserdata.admin.http.JsonBody;
import io.kcuserdata.core.json.Json;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.ClientScopeModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.RealmModel;
import org.keycloak.protocol.ProtocolMapper;
import org.keycloak.protocol.ProtocolMapperConfigException;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * {@code POST /admin/realms/{realm}/user-data/client-scopes}: creates a client scope that hands one
 * namespace to clients only when the user consents. Assign it to third-party clients as an optional
 * scope; a client then gets the data by requesting the scope, after the consent screen.
 */
public final class ConsentScopesResource {

  static final String MAPPER = "userdata-namespace-claim-mapper";

  private final KeycloakSession session;
  private final RealmModel realm;
  private final AdminPermissionEvaluator auth;
  private final AdminEventBuilder adminEvent;

  public ConsentScopesResource(
      KeycloakSession session,
      RealmModel realm,
      AdminPermissionEvaluator auth,
      AdminEventBuilder adminEvent) {
    this.session = session;
    this.realm = realm;
    this.auth = auth;
    this.adminEvent = adminEvent;
  }

  @POST
  public Response create(
      @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream body) {
    if (!auth.clients().canManageClientScopes()) {
      throw ApiError.forbidden("creating client scopes needs the manage-clients permission");
    }
    ConsentScopeRequest request =
        ConsentScopeRequest.parse(JsonBody.read(contentType, body, JsonBody.JSON));
    if (realm.getClientScopesStream().anyMatch(s -> s.getName().equals(request.name()))) {
      throw ApiError.conflict("a client scope named " + request.name() + " exists already");
    }
    ProtocolMapperModel mapper = mapper(request);
    ClientScopeModel scope = realm.addClientScope(request.name());
    scope.setProtocol(OIDCLoginProtocol.LOGIN_PROTOCOL);
    scope.setDescription("The user's " + request.namespace().name() + " data, with consent");
    scope.setDisplayOnConsentScreen(true);
    scope.setConsentScreenText(request.consentText());
    scope.setIncludeInTokenScope(true);
    validate(scope, mapper);
    scope.addProtocolMapper(mapper);

    Map<String, Object> created = Map.of("id", scope.getId(), "name", scope.getName());
    adminEvent
        .clone(session)
        .operation(OperationType.CREATE)
        .resource(ResourceType.CLIENT_SCOPE)
        .resourcePath("client-scopes", scope.getId())
        .representation(created)
        .success();
    URI location =
        session
            .getContext()
            .getUri()
            .getBaseUriBuilder()
            .path("admin/realms/{realm}/client-scopes/{id}")
            .build(realm.getName(), scope.getId());
    return Response.created(location)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(Json.compact(Json.MAPPER.valueToTree(created)))
        .build();
  }

  private static ProtocolMapperModel mapper(ConsentScopeRequest request) {
    Map<String, String> config = new HashMap<>();
    config.put("namespace", request.namespace().name());
    config.put("keys", request.keys());
    config.put("claim.name", request.claimName());
    config.put("access.token.claim", "true");
    config.put("id.token.claim", "true");
    config.put("userinfo.token.claim", "true");
    config.put("introspection.token.claim", "true");
    ProtocolMapperModel mapper = new ProtocolMapperModel();
    mapper.setName(request.namespace().name());
    mapper.setProtocol(OIDCLoginProtocol.LOGIN_PROTOCOL);
    mapper.setProtocolMapper(MAPPER);
    mapper.setConfig(config);
    return mapper;
  }

  /** The mapper's own rules decide; a refusal undoes the scope with the request's transaction. */
  private void validate(ClientScopeModel scope, ProtocolMapperModel mapper) {
    ProtocolMapper factory =
        (ProtocolMapper)
            session.getKeycloakSessionFactory().getProviderFactory(ProtocolMapper.class, MAPPER);
    if (factory == null) {
      throw ApiError.invalidRequest(MAPPER + " is not installed");
    }
    try {
      factory.validateConfig(session, realm, scope, mapper);
    } catch (ProtocolMapperConfigException e) {
      session.getTransactionManager().setRollbackOnly();
      throw ApiError.invalidRequest(e.getMessage());
    }
  }
}

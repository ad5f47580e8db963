package io.kcuserdata.it.claims.external;

import com.nimbusds.jwt.JWTClaimsSet;
import io.kcuserdata.it.harness.HttpApi;
import io.kcuserdata.it.harness.TestHttpServer;
import io.kcuserdata.it.harness.TestHttpServer.RecordedRequest;
import io.kcuserdata.it.harness.TestHttpServer.Responder;
import io.kcuserdata.it.harness.TestHttpServer.Response;
import io.kcuserdata.it.harness.TestRealm;
import io.kcuserdata.it.harness.TokenEndpoint.TokenResponse;
import io.kcuserdata.it.harness.VerifiedTokens;
import jakarta.ws.rs.core.Response.Status;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;

/**
 * A realm with a user and a claims API on the allowed loopback host (127.0.0.2) whose answers the
 * test sets, and the two clients the mapper is put on: the public {@code test-app} and the
 * confidential {@code claims-app} (direct grants, service account, token exchange, and itself in
 * its tokens' audience so it may introspect them).
 */
final class ClaimsApi implements AutoCloseable {

  static final String PATH = "/claims";
  static final String CONFIDENTIAL = "claims-app";
  static final String SECRET = "claims-app-secret";
  static final String TARGET = "target-api";

  final TestRealm realm;
  final TestHttpServer server;
  final VerifiedTokens tokens;
  private final AtomicReference<Responder> answer = new AtomicReference<>();

  ClaimsApi(TestRealm realm) {
    this.realm = realm;
    this.server = TestHttpServer.onAllowedHost(16);
    this.tokens = new VerifiedTokens(realm);
    answers(request -> Response.json(200, "{\"plan\":\"pro\"}"));
    server.respond(PATH, request -> answer.get().respond(request));
    realm.createUser("alice", "pw-alice-1");
    createClient(TARGET, c -> c.setBearerOnly(false));
    createClient(
        CONFIDENTIAL,
        c -> {
          c.setPublicClient(false);
          c.setSecret(SECRET);
          c.setDirectAccessGrantsEnabled(true);
          c.setServiceAccountsEnabled(true);
          c.setAttributes(Map.of("standard.token.exchange.enabled", "true"));
          c.setProtocolMappers(List.of(audience("self", CONFIDENTIAL), audience("to", TARGET)));
        });
  }

  void answers(Responder responder) {
    answer.set(responder);
  }

  URI url() {
    return server.uri(PATH);
  }

  /** Calls the API received so far. */
  List<RecordedRequest> calls() {
    return server.requests().stream().filter(r -> r.uri().getPath().equals(PATH)).toList();
  }

  /**
   * Puts a {@code userdata-external-claims-mapper} on {@code clientId}: this API, every token type,
   * then {@code config} on top.
   */
  void addMapper(String clientId, String name, Map<String, String> config) {
    Answer created = tryAddMapper(clientId, name, config);
    if (created.status() != 201) {
      throw new AssertionError("mapper not created: " + created);
    }
  }

  Answer tryAddMapper(String clientId, String name, Map<String, String> config) {
    Map<String, String> all = new HashMap<>();
    all.put("url", url().toString());
    all.put("access.token.claim", "true");
    all.put("id.token.claim", "true");
    all.put("userinfo.token.claim", "true");
    all.put("introspection.token.claim", "true");
    all.putAll(config);
    ProtocolMapperRepresentation mapper = new ProtocolMapperRepresentation();
    mapper.setName(name);
    mapper.setProtocol("openid-connect");
    mapper.setProtocolMapper("userdata-external-claims-mapper");
    mapper.setConfig(all);
    String id = realm.admin().clients().findByClientId(clientId).get(0).getId();
    try (jakarta.ws.rs.core.Response response =
        realm.admin().clients().get(id).getProtocolMappers().createMapper(mapper)) {
      String body = response.hasEntity() ? response.readEntity(String.class) : "";
      return new Answer(response.getStatus(), body);
    }
  }

  record Answer(int status, String body) {
    boolean created() {
      return status == Status.CREATED.getStatusCode();
    }
  }

  JWTClaimsSet access(TokenResponse response) {
    if (!response.ok()) {
      throw new AssertionError("token request failed: " + response.body());
    }
    return tokens.verify(response.accessToken());
  }

  JWTClaimsSet id(TokenResponse response) {
    return tokens.verify(response.body().path("id_token").asText());
  }

  /** The userinfo endpoint's answer for {@code accessToken}. */
  HttpApi.Answer userinfo(String accessToken) {
    return realm
        .http(accessToken)
        .get("/realms/" + realm.name() + "/protocol/openid-connect/userinfo");
  }

  /** Alice's password grant through {@code claims-app}. */
  TokenResponse password() {
    return grant(Map.of("grant_type", "password", "username", "alice", "password", "pw-alice-1"));
  }

  /** A grant by {@code claims-app} with its secret and scope openid, plus {@code form}. */
  TokenResponse grant(Map<String, String> form) {
    Map<String, String> all = new java.util.LinkedHashMap<>();
    all.put("client_id", CONFIDENTIAL);
    all.put("client_secret", SECRET);
    all.put("scope", "openid");
    all.putAll(form);
    return realm.tokens().post(all);
  }

  /** RFC 7662 introspection of {@code token} by {@code claims-app}. */
  HttpApi.Answer introspect(String token) {
    return realm
        .http(null)
        .send(
            "POST",
            "/realms/" + realm.name() + "/protocol/openid-connect/token/introspect",
            "application/x-www-form-urlencoded",
            "client_id=" + CONFIDENTIAL + "&client_secret=" + SECRET + "&token=" + token);
  }

  private void createClient(
      String clientId, java.util.function.Consumer<ClientRepresentation> how) {
    ClientRepresentation client = new ClientRepresentation();
    client.setClientId(clientId);
    client.setEnabled(true);
    client.setRedirectUris(List.of(realm.appRedirectUri().toString()));
    how.accept(client);
    realm.admin().clients().create(client).close();
  }

  private static ProtocolMapperRepresentation audience(String name, String client) {
    ProtocolMapperRepresentation mapper = new ProtocolMapperRepresentation();
    mapper.setName("audience " + name);
    mapper.setProtocol("openid-connect");
    mapper.setProtocolMapper("oidc-audience-mapper");
    mapper.setConfig(
        Map.of(
            "included.client.audience", client,
            "access.token.claim", "true",
            "introspection.token.claim", "true"));
    return mapper;
  }

  @Override
  public void close() {
    server.close();
  }
}

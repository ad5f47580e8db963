package io.kcuserdata.claims.mapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kcuserdata.core.document.UserDataDocument;
import io.kcuserdata.core.namespace.Namespace;
import io.kcuserdata.core.spi.UserDataProvider;
import io.kcuserdata.core.token.TokenOrganization;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.keycloak.models.ClientModel;
import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;

/**
 * The request body the claims API receives: who the token is for and in which context. Only the
 * client the token is issued to is named, and only the user-data namespaces the admin listed. The
 * cache key is derived from this body ({@link io.kcuserdata.claims.cache.CacheKey}), every member
 * of it except {@link #NOT_KEYED}.
 */
final class CallContext {

  /**
   * What the answer is shared across: the login session (else every session of a user, and every
   * client-credentials grant, would call again), the grant (a refresh and a later introspection
   * reuse the answer of the grant that issued the token) and the token being built within its
   * family ({@code token_type}, {@code lightweight}; the family itself is keyed). Everything else
   * the body carries, a member added later included, is part of the key.
   */
  static final Set<String> NOT_KEYED =
      Set.of("session_id", "grant_type", "token_type", "lightweight");

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private CallContext() {}

  static ObjectNode body(
      KeycloakSession session,
      UserSessionModel userSession,
      ClientSessionContext clientSessionCtx,
      TokenType type,
      boolean lightweight,
      List<Namespace> namespaces) {
    ObjectNode body = MAPPER.createObjectNode();
    body.put("realm", session.getContext().getRealm().getName());
    body.put("client_id", client(clientSessionCtx).getClientId());
    body.put("grant_type", clientSessionCtx.getAttribute(Constants.GRANT_TYPE, String.class));
    body.put("scope", sorted(clientSessionCtx.getScopeString()));
    body.put("token_type", type.wireName());
    if (type == TokenType.ACCESS) {
      body.put("lightweight", lightweight);
    }
    ArrayNode audience = body.putArray("requested_audience");
    ClientModel[] requested =
        clientSessionCtx.getAttribute(Constants.REQUESTED_AUDIENCE_CLIENTS, ClientModel[].class);
    if (requested != null) {
      for (ClientModel client : requested) {
        audience.add(client.getClientId());
      }
    }
    body.put("session_id", userSession == null ? null : userSession.getId());
    UserModel user = userSession == null ? null : userSession.getUser();
    OrganizationModel organization =
        user == null ? null : TokenOrganization.of(session, user, clientSessionCtx).orElse(null);
    if (organization == null) {
      body.putNull("organization");
    } else {
      body.putObject("organization")
          .put("id", organization.getId())
          .put("alias", organization.getAlias())
          .put("name", organization.getName());
    }
    if (user == null) {
      body.putNull("user");
    } else {
      body.set("user", user(session, user, namespaces));
    }
    return body;
  }

  static byte[] bytes(ObjectNode body) {
    try {
      return MAPPER.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("could not write the claims request", e);
    }
  }

  /** The granted scopes, each once, in name order: the same set always reads the same. */
  private static String sorted(String scope) {
    return scope == null
        ? ""
        : Arrays.stream(scope.split(" "))
            .filter(s -> !s.isEmpty())
            .sorted()
            .distinct()
            .collect(Collectors.joining(" "));
  }

  static ClientModel client(ClientSessionContext clientSessionCtx) {
    return clientSessionCtx.getClientSession().getClient();
  }

  private static ObjectNode user(
      KeycloakSession session, UserModel user, List<Namespace> namespaces) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("id", user.getId());
    node.put("username", user.getUsername());
    node.put("email", user.getEmail());
    node.put("email_verified", user.isEmailVerified());
    if (!namespaces.isEmpty()) {
      UserDataDocument data =
          session.getProvider(UserDataProvider.class).read(session.getContext().getRealm(), user);
      for (Namespace namespace : namespaces) {
        ObjectNode content = data.get(namespace);
        if (namespace.alias() == null) {
          node.set(namespace.name(), content);
        } else {
          // As in the user-data API: {"idp":{"google":{…}}, "org":{"acme":{…}}}.
          String kind = namespace.name().substring(0, namespace.name().indexOf('.'));
          node.withObjectProperty(kind).set(namespace.alias(), content);
        }
      }
    }
    return node;
  }
}

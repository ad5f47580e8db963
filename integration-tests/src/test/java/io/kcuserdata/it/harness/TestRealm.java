package io.kcuserdata.it.harness;

import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.OrganizationDomainRepresentation;
import org.keycloak.representations.idm.OrganizationRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.representations.userprofile.config.UPConfig;
import org.keycloak.representations.userprofile.config.UPConfig.UnmanagedAttributePolicy;

/** A realm that belongs to one test and is removed after it. */
public final class TestRealm {

  /** The public client every test realm has, for browser logins and direct grants. */
  public static final String APP_CLIENT_ID = "test-app";

  /**
   * A client the harness's server names in its {@code delegated-admin-clients} option: tokens
   * issued to it reach the delegated-admin API. No realm has it until a test adds it ({@link
   * #addPublicClient}).
   */
  public static final String LISTED_DELEGATED_ADMIN_CLIENT_ID = "test-delegated-admin";

  private final RealmResource admin;
  private final String name;
  private final URI baseUrl;
  private final URI issuer;
  private final URI appRedirectUri;

  TestRealm(RealmResource admin, String name, URI baseUrl, URI appRedirectUri) {
    this.admin = admin;
    this.name = name;
    this.baseUrl = baseUrl;
    this.issuer = URI.create(baseUrl + "/realms/" + name);
    this.appRedirectUri = appRedirectUri;
  }

  public String name() {
    return name;
  }

  /** The realm in Keycloak's admin client. */
  public RealmResource admin() {
    return admin;
  }

  /** {@code <base>/realms/<name>}: the OIDC issuer and the root of the realm's public endpoints. */
  public URI issuer() {
    return issuer;
  }

  /** The server's base URL, e.g. {@code http://localhost:8080}. */
  public URI baseUrl() {
    return baseUrl;
  }

  /** Raw HTTP calls with a user's (or anybody's) bearer token; null for none. */
  public HttpApi http(String bearerToken) {
    return HttpApi.withToken(baseUrl, bearerToken);
  }

  /** Where the test app receives authorization codes (a server in the test JVM). */
  public URI appRedirectUri() {
    return appRedirectUri;
  }

  public TokenEndpoint tokens() {
    return new TokenEndpoint(this);
  }

  /**
   * Creates an enabled user with a verified {@code <username>@example.test} email and names, so
   * that Keycloak's default user profile asks nothing more at login.
   *
   * @return the new user's id
   */
  public String createUser(String username, String password) {
    UserRepresentation user = new UserRepresentation();
    user.setUsername(username);
    user.setEmail(username + "@example.test");
    user.setEmailVerified(true);
    user.setFirstName(Character.toUpperCase(username.charAt(0)) + username.substring(1));
    user.setLastName("Tester");
    return createUser(user, password);
  }

  /** Creates {@code user} with {@code password} (not temporary) and answers its id. */
  public String createUser(UserRepresentation user, String password) {
    user.setEnabled(true);
    CredentialRepresentation credential = new CredentialRepresentation();
    credential.setType(CredentialRepresentation.PASSWORD);
    credential.setValue(password);
    credential.setTemporary(false);
    user.setCredentials(List.of(credential));
    try (Response response = admin.users().create(user)) {
      return CreatedResponseUtil.getCreatedId(response);
    }
  }

  /** The user's attributes as Keycloak's admin API shows them. */
  public Map<String, List<String>> attributes(String userId) {
    Map<String, List<String>> attributes =
        admin.users().get(userId).toRepresentation().getAttributes();
    return attributes == null ? Map.of() : attributes;
  }

  /**
   * Creates organization {@code alias} (domain {@code <alias>.test}) with {@code memberIds} as
   * members; the realm must have organizations enabled.
   *
   * @return the organization's id
   */
  public String createOrganization(String alias, String... memberIds) {
    OrganizationRepresentation org = new OrganizationRepresentation();
    org.setName(alias);
    org.setAlias(alias);
    OrganizationDomainRepresentation domain = new OrganizationDomainRepresentation();
    domain.setName(alias + ".test");
    org.addDomain(domain);
    String id;
    try (Response created = admin.organizations().create(org)) {
      id = CreatedResponseUtil.getCreatedId(created);
    }
    for (String member : memberIds) {
      admin.organizations().get(id).members().addMember(member).close();
    }
    return id;
  }

  /**
   * The user's namespaced attributes ({@code <namespace>.<key>}) as stored, declared in the user
   * profile or not, read as an admin (unmanaged ones need a policy that lets admins view them).
   */
  public Map<String, List<String>> namespacedAttributes(String userId) {
    Map<String, List<String>> namespaced = new TreeMap<>();
    var user = admin.users().get(userId);
    user.getUnmanagedAttributes()
        .forEach((name, values) -> keepNamespaced(namespaced, name, values));
    Map<String, List<String>> declared = user.toRepresentation().getAttributes();
    if (declared != null) {
      declared.forEach((name, values) -> keepNamespaced(namespaced, name, values));
    }
    return namespaced;
  }

  private static void keepNamespaced(
      Map<String, List<String>> into, String name, List<String> values) {
    if (name.contains(".")) {
      into.put(name, values);
    }
  }

  /** Adds event listeners to the realm's enabled ones. */
  public TestRealm enableEventListeners(String... listenerIds) {
    RealmRepresentation realm = admin.toRepresentation();
    List<String> listeners =
        new ArrayList<>(
            realm.getEventsListeners() == null ? List.of() : realm.getEventsListeners());
    for (String id : listenerIds) {
      if (!listeners.contains(id)) {
        listeners.add(id);
      }
    }
    RealmRepresentation update = new RealmRepresentation();
    update.setEventsListeners(listeners);
    admin.update(update);
    return this;
  }

  /**
   * Adds public client {@code clientId} with the direct grant and the test app's redirect URI.
   *
   * @return the client's id
   */
  public String addPublicClient(String clientId) {
    ClientRepresentation client = new ClientRepresentation();
    client.setClientId(clientId);
    client.setEnabled(true);
    client.setPublicClient(true);
    client.setStandardFlowEnabled(true);
    client.setDirectAccessGrantsEnabled(true);
    client.setRedirectUris(List.of(appRedirectUri.toString()));
    try (Response response = admin.clients().create(client)) {
      return CreatedResponseUtil.getCreatedId(response);
    }
  }

  /** Grants {@code role} of client {@code clientId} (e.g. realm-management's view-users). */
  public void grantClientRole(String userId, String clientId, String role) {
    String id = admin.clients().findByClientId(clientId).get(0).getId();
    RoleRepresentation representation =
        admin.clients().get(id).roles().get(role).toRepresentation();
    admin.users().get(userId).roles().clientLevel(id).add(List.of(representation));
  }

  /** Sets the user profile's policy for attributes it does not declare. */
  public TestRealm unmanagedAttributes(UnmanagedAttributePolicy policy) {
    UPConfig config = admin.users().userProfile().getConfiguration();
    config.setUnmanagedAttributePolicy(policy);
    admin.users().userProfile().update(config);
    return this;
  }
}

package io.kcuserdata.it.harness;

import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.representations.userprofile.config.UPConfig;
import org.keycloak.representations.userprofile.config.UPConfig.UnmanagedAttributePolicy;

/** A realm that belongs to one test and is removed after it. */
public final class TestRealm {

  /** The public client every test realm has, for browser logins and direct grants. */
  public static final String APP_CLIENT_ID = "test-app";

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

  /** Sets the user profile's policy for attributes it does not declare. */
  public TestRealm unmanagedAttributes(UnmanagedAttributePolicy policy) {
    UPConfig config = admin.users().userProfile().getConfiguration();
    config.setUnmanagedAttributePolicy(policy);
    admin.users().userProfile().update(config);
    return this;
  }
}

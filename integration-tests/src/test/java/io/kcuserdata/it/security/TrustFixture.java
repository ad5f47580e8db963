package io.kcuserdata.it.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kcuserdata.it.harness.Browser;
import io.kcuserdata.it.harness.HttpApi;
import io.kcuserdata.it.harness.HttpApi.Answer;
import io.kcuserdata.it.harness.Realms;
import io.kcuserdata.it.harness.TestHttpServer;
import io.kcuserdata.it.harness.TestRealm;
import io.kcuserdata.it.harness.TestSmtpServer;
import io.kcuserdata.it.harness.TokenEndpoint.TokenResponse;
import java.net.URI;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.userprofile.config.UPConfig.UnmanagedAttributePolicy;

/**
 * A realm with organizations A ({@code acme}) and B ({@code globex}), a user for every {@link
 * Caller} with the tokens that caller uses, and the users, webhook and organizations the calls
 * target; and a second realm whose user, organization and webhook lie out of reach. Made once per
 * test class: the realms go with the class.
 *
 * <p>Each person of the realm has two tokens: one of the realm's ordinary app ({@code test-app},
 * password grant), which the admin API and {@code /me} take, and one of the pack's delegated-admin
 * page ({@code userdata-delegated-admin}, signed in through the browser with PKCE as the page
 * does), which the delegated-admin API takes.
 */
final class TrustFixture implements AutoCloseable {

  static final String PASSWORD = "pw-Trust-1";
  static final String PAGE_CLIENT = "userdata-delegated-admin";

  /** The realm-management role each admin caller holds, and nothing else. */
  private static final Map<Caller, String> ADMIN_ROLES =
      Map.of(
          Caller.VIEW_USERS, "view-users",
          Caller.MANAGE_USERS, "manage-users",
          Caller.QUERY_USERS, "query-users",
          Caller.MANAGE_EVENTS, "manage-events",
          Caller.MANAGE_CLIENTS, "manage-clients",
          Caller.MANAGE_REALM, "manage-realm",
          Caller.REALM_ADMIN, "realm-admin");

  private static final ObjectMapper JSON = new ObjectMapper();

  final TestRealm realm;
  final TestRealm other;
  final HttpApi master;
  final TestSmtpServer smtp;
  final TestHttpServer receiver;
  final String acme;
  final String globex;

  /** Username to id, for every user of {@link #realm}. */
  final Map<String, String> users = new TreeMap<>();

  final String webhook;
  final String webhookMessage;
  final String otherUser;
  final String otherOrganization;
  final String otherWebhook;

  private final Map<Caller, String> person = new EnumMap<>(Caller.class);
  private final Map<String, String> appTokens = new LinkedHashMap<>();
  private final Map<String, String> pageTokens = new LinkedHashMap<>();
  private final String otherToken;

  TrustFixture(Realms realms, HttpApi master, Browser browser) {
    this.master = master;
    smtp = TestSmtpServer.start();
    receiver =
        TestHttpServer.onAllowedHost()
            .respond("/hook", request -> TestHttpServer.Response.text(200, "ok"));
    realm =
        realms.create(
            r -> {
              settings(r);
              r.setSmtpServer(
                  Map.of(
                      "host", "127.0.0.1",
                      "port", Integer.toString(smtp.port()),
                      "from", "keycloak@example.test"));
            });
    realm.unmanagedAttributes(UnmanagedAttributePolicy.ADMIN_VIEW);

    for (String name :
        List.of(
            "user",
            "lead",
            "member-a",
            "member-b",
            "both",
            "b-admin",
            "role-holder",
            "subject",
            "candidate",
            "scratch")) {
      users.put(name, realm.createUser(name, PASSWORD));
    }
    ADMIN_ROLES.forEach(
        (caller, role) -> {
          String username = role;
          users.put(username, realm.createUser(username, PASSWORD));
          realm.grantClientRole(users.get(username), "realm-management", role);
          person.put(caller, username);
        });
    RoleRepresentation auditor = new RoleRepresentation();
    auditor.setName("auditor");
    realm.admin().roles().create(auditor);
    realm
        .admin()
        .users()
        .get(id("role-holder"))
        .roles()
        .realmLevel()
        .add(List.of(realm.admin().roles().get("auditor").toRepresentation()));

    acme =
        realm.createOrganization(
            "acme",
            id("lead"),
            id("member-a"),
            id("both"),
            id("b-admin"),
            id("role-holder"),
            id("candidate"),
            id("scratch"));
    globex = realm.createOrganization("globex", id("member-b"), id("both"), id("b-admin"));
    nameDelegatedAdmin(acme, id("lead"));
    nameDelegatedAdmin(globex, id("b-admin"));

    master.send("POST", admin("/delegated-admin/client"), null, null).requireStatus(201);
    webhook = createWebhook(realm, "the matrix's standing endpoint");
    webhookMessage =
        master
            .send("POST", admin("/webhooks/" + webhook + "/test"), null, null)
            .requireStatus(202)
            .json()
            .path("messageId")
            .asText();

    other = realms.create(TrustFixture::settings);
    otherUser = other.createUser("stranger", PASSWORD);
    otherOrganization = other.createOrganization("initech", otherUser);
    otherWebhook = createWebhook(other, "another realm's endpoint");
    otherToken = other.tokens().password("stranger", PASSWORD).accessToken();

    person.put(Caller.USER, "user");
    for (Caller caller : Caller.values()) {
      if (caller.delegatedAdmin()) {
        person.put(caller, "lead");
      }
    }
    URI page = URI.create(realm.issuer() + "/user-data/delegated-admin/");
    for (String username : person.values()) {
      if (!appTokens.containsKey(username)) {
        appTokens.put(username, token(realm.tokens().password(username, PASSWORD), username));
        pageTokens.put(
            username,
            token(browser.signInWithPkce(realm, PAGE_CLIENT, page, username, PASSWORD), username));
      }
    }
    appTokens.put("scratch", token(realm.tokens().password("scratch", PASSWORD), "scratch"));
  }

  /** Tokens outlive a long run; admin events and webhooks are on. */
  private static void settings(RealmRepresentation r) {
    r.setOrganizationsEnabled(true);
    r.setAccessTokenLifespan(3600);
    r.setSsoSessionIdleTimeout(7200);
    r.setSsoSessionMaxLifespan(36000);
    r.setAdminEventsEnabled(true);
    r.setEventsListeners(List.of("jboss-logging", "userdata-webhooks"));
  }

  private static String token(TokenResponse response, String username) {
    if (!response.ok()) {
      throw new AssertionError("no token for " + username + ": " + response.body());
    }
    return response.accessToken();
  }

  private void nameDelegatedAdmin(String organization, String userId) {
    master
        .send("PUT", admin("/organizations/" + organization + "/admins/" + userId), null, null)
        .requireStatus(204);
  }

  private String createWebhook(TestRealm target, String description) {
    return master
        .send(
            "POST",
            "/admin/realms/" + target.name() + "/user-data/webhooks",
            "application/json",
            webhookBody(description, false))
        .requireStatus(201)
        .json()
        .path("id")
        .asText();
  }

  /** An endpoint on the allowed test host, for an event no test causes. */
  String webhookBody(String description, boolean includeAppMetadata) {
    ObjectNode body = JSON.createObjectNode();
    body.put("url", receiver.uri("/hook").toString());
    body.putArray("events").add("user.deleted");
    body.put("description", description);
    if (includeAppMetadata) {
      body.put("includeAppMetadata", true);
    }
    return body.toString();
  }

  /**
   * Puts the shared endpoint back to a plain one, as the master admin: a row that turned
   * app_metadata on would otherwise change what the later rows on that endpoint need.
   */
  void resetWebhook() {
    master
        .send(
            "PUT",
            "/admin/realms/" + realm.name() + "/user-data/webhooks/" + webhook,
            "application/json",
            webhookBody("matrix endpoint", false))
        .requireStatus(200);
  }

  /** A new endpoint of the realm, made by the master admin. */
  String newWebhook(String description) {
    return createWebhook(realm, description);
  }

  String id(String username) {
    String id = users.get(username);
    if (id == null) {
      throw new IllegalArgumentException("no user " + username + " in the fixture");
    }
    return id;
  }

  /** {@code /admin/realms/<realm>/user-data<rest>}. */
  String admin(String rest) {
    return "/admin/realms/" + realm.name() + "/user-data" + rest;
  }

  /** {@code /realms/<realm>/user-data<rest>}. */
  String self(String rest) {
    return "/realms/" + realm.name() + "/user-data" + rest;
  }

  /** The username of the person calling as {@code caller}; null for no one of this realm. */
  String person(Caller caller) {
    return person.get(caller);
  }

  /** The member the member routes reach for {@code caller}. */
  String memberTarget(Caller caller) {
    return id(
        switch (caller) {
          case DELEGATED_ON_B -> "member-b";
          case DELEGATED_ON_SHARED -> "both";
          case DELEGATED_ON_B_ADMIN -> "b-admin";
          case DELEGATED_ON_ROLE_HOLDER -> "role-holder";
          default -> "member-a";
        });
  }

  /**
   * The token {@code caller} sends to {@code route}: none when anonymous, the other realm's user's
   * everywhere for that caller, a token of the delegated-admin page for the delegated-admin API
   * (but the app's token for {@link Caller#DELEGATED_WITH_APP_TOKEN}), the app's token elsewhere.
   */
  String token(Caller caller, Route route) {
    return switch (caller) {
      case ANONYMOUS -> null;
      case OTHER_REALM -> otherToken;
      case DELEGATED_WITH_APP_TOKEN -> appTokens.get(person(caller));
      default ->
          delegatedApi(route) ? pageTokens.get(person(caller)) : appTokens.get(person(caller));
    };
  }

  /** A token of the test app for {@code username} (a caller's person, or {@code scratch}). */
  String appToken(String username) {
    return appTokens.get(username);
  }

  /** A token of the delegated-admin page for {@code username}, a caller's person. */
  String pageToken(String username) {
    return pageTokens.get(username);
  }

  static boolean delegatedApi(Route route) {
    return route.template().startsWith(Route.REALM_BASE + "/organizations");
  }

  HttpApi as(String token) {
    return realm.http(token);
  }

  /** Puts {@code userId} back into organization A after a test removed it. */
  void rejoinAcme(String userId) {
    realm.admin().organizations().get(acme).members().addMember(userId).close();
  }

  // What a refused call must leave unchanged, read through Keycloak's own admin API.

  /** The user's account, attributes, roles, groups, organizations and credentials. */
  String userState(String userId) {
    return userState(realm, userId);
  }

  String userState(TestRealm target, String userId) {
    String base = "/admin/realms/" + target.name();
    ObjectNode state = JSON.createObjectNode();
    state.set("user", read(base + "/users/" + userId));
    state.set("unmanaged", read(base + "/users/" + userId + "/unmanagedAttributes"));
    state.set("roles", read(base + "/users/" + userId + "/role-mappings"));
    state.set("groups", read(base + "/users/" + userId + "/groups"));
    state.set("organizations", read(base + "/organizations/members/" + userId + "/organizations"));
    state.set("credentials", read(base + "/users/" + userId + "/credentials"));
    return state.toString();
  }

  /** What the matrix keeps attached to custom_data: accepts every object, so no write fails it. */
  static final String SCHEMA = "{\"type\":\"object\"}";

  /**
   * Attaches {@link #SCHEMA} (again), as the master admin: a row may have changed or removed it.
   */
  void attachSchema() {
    master
        .send("PUT", admin("/schemas/custom_data"), "application/json", SCHEMA)
        .requireStatus(200);
  }

  /** The schema of custom_data as stored, or the 404 when there is none. */
  String schemaState() {
    Answer answer = master.get(admin("/schemas/custom_data"));
    return answer.status() + " " + answer.body();
  }

  /** Every webhook endpoint of the realm as its admin API lists them (no secrets). */
  String webhooksState() {
    return read(admin("/webhooks")).toString();
  }

  /** The ids of the messages queued for the standing endpoint. */
  String webhookMessages() {
    StringBuilder ids = new StringBuilder();
    read(admin("/webhooks/" + webhook + "/deliveries?max=1000"))
        .forEach(d -> ids.append(d.path("id").asText()).append(' '));
    return ids.toString();
  }

  String organizationAdmins(String organization) {
    return read(admin("/organizations/" + organization + "/admins")).toString();
  }

  String clientScopeNames() {
    StringBuilder names = new StringBuilder();
    read("/admin/realms/" + realm.name() + "/client-scopes")
        .forEach(s -> names.append(s.path("name").asText()).append(' '));
    return names.toString();
  }

  String clientIds() {
    StringBuilder ids = new StringBuilder();
    read("/admin/realms/" + realm.name() + "/clients")
        .forEach(c -> ids.append(c.path("clientId").asText()).append(' '));
    return ids.toString();
  }

  /** The realm's usernames, for calls that must not create anyone. */
  String usernames() {
    StringBuilder names = new StringBuilder();
    read("/admin/realms/" + realm.name() + "/users?briefRepresentation=true&max=10000")
        .forEach(u -> names.append(u.path("username").asText()).append(' '));
    return names.toString();
  }

  JsonNode read(String path) {
    Answer answer = master.get(path);
    if (answer.status() != 200) {
      throw new AssertionError("could not read " + path + ": " + answer);
    }
    return answer.json();
  }

  @Override
  public void close() {
    smtp.close();
    receiver.close();
  }
}

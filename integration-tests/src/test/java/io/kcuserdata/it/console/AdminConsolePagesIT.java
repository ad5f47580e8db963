package io.kcuserdata.it.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.standardwebhooks.Webhook;
import io.kcuserdata.it.harness.Chromium;
import io.kcuserdata.it.harness.DistributionServer;
import io.kcuserdata.it.harness.HttpApi;
import io.kcuserdata.it.harness.TestHttpServer;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The pack's admin-console pages on a server with the {@code declarative-ui} feature: the
 * "userdata-webhooks" page (entries are the realm's webhook endpoints, whichever way they were
 * made) and the realm-settings tab "userdata" (the login theme's brand). Driven through the
 * components API, exactly the calls the console makes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminConsolePagesIT {

  private static final String PAGE_TYPE = "org.keycloak.services.ui.extend.UiPageProvider";
  private static final String TAB_TYPE = "org.keycloak.services.ui.extend.UiTabProvider";
  private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
  private static final ObjectMapper JSON = new ObjectMapper();

  private ConsoleServer console;
  private DistributionServer server;
  private Keycloak keycloak;
  private HttpApi admin;
  private String realm;
  private String realmId;

  @BeforeAll
  void aServerWithDeclarativeUi() {
    console = ConsoleServer.start("keycloak-console");
    server = console.server;
    keycloak = console.keycloak;
    admin = console.admin;
  }

  @AfterAll
  void stop() {
    console.close();
  }

  private static int realms;

  @BeforeEach
  void aRealmWithWebhooks() {
    realm = "console-" + ++realms;
    RealmRepresentation rep = new RealmRepresentation();
    rep.setRealm(realm);
    rep.setEnabled(true);
    rep.setEventsListeners(List.of("userdata-webhooks"));
    keycloak.realms().create(rep);
    realmId = keycloak.realm(realm).toRepresentation().getId();
  }

  private HttpApi.Answer createEntry(
      String type, String providerId, Map<String, List<String>> config) throws Exception {
    return createEntry(admin, type, providerId, config);
  }

  private HttpApi.Answer createEntry(
      HttpApi caller, String type, String providerId, Map<String, List<String>> config)
      throws Exception {
    Map<String, Object> component = new TreeMap<>();
    component.put("name", providerId);
    component.put("providerId", providerId);
    component.put("providerType", type);
    component.put("parentId", realmId);
    component.put("config", config);
    return caller.send(
        "POST",
        "/admin/realms/" + realm + "/components",
        "application/json",
        JSON.writeValueAsString(component));
  }

  /** An endpoint made through the admin API, as a script would: its id. */
  private String createThroughTheApi() {
    return createThroughTheApi(false);
  }

  private String createThroughTheApi(boolean includeAppMetadata) {
    return admin
        .send(
            "POST",
            "/admin/realms/" + realm + "/user-data/webhooks",
            "application/json",
            "{\"url\":\"https://hooks.example.test/api\",\"events\":[\"user.created\"],"
                + "\"includeAppMetadata\":"
                + includeAppMetadata
                + "}")
        .requireStatus(201)
        .json()
        .path("id")
        .asText();
  }

  private JsonNode webhooks() {
    return admin.get("/admin/realms/" + realm + "/user-data/webhooks").requireStatus(200).json();
  }

  private JsonNode entries(String type) {
    return admin
        .get("/admin/realms/" + realm + "/components?type=" + type)
        .requireStatus(200)
        .json();
  }

  @Nested
  class TheServerInfo {

    @Test
    void describesThePageAndTheTabWithHelpText() {
      JsonNode types =
          admin.get("/admin/serverinfo").requireStatus(200).json().path("componentTypes");

      JsonNode page = byId(types.path(PAGE_TYPE), "userdata-webhooks");
      assertThat(page.path("helpText").asText()).contains("Webhook endpoints");
      assertThat(page.path("properties").findValuesAsText("name"))
          .contains("url", "events", "enabled", "description", "secret");
      page.path("properties").forEach(p -> assertThat(p.path("helpText").asText()).isNotBlank());
      JsonNode tab = byId(types.path(TAB_TYPE), "userdata");
      assertThat(tab.path("metadata").path("path").asText()).contains("realm-settings");
    }

    private JsonNode byId(JsonNode list, String id) {
      for (JsonNode entry : list) {
        if (id.equals(entry.path("id").asText())) {
          return entry;
        }
      }
      throw new AssertionError("no " + id + " in " + list);
    }
  }

  @Nested
  class TheWebhooksPage {

    @Test
    void anEntryIsAnEndpointSignedWithTheSecretTypedInTheFormWhichIsNotKept() throws Exception {
      try (TestHttpServer receiver = TestHttpServer.onAllowedHost()) {
        receiver.respond("/hook", request -> TestHttpServer.Response.text(200, "ok"));
        HttpApi.Answer created =
            createEntry(
                PAGE_TYPE,
                "userdata-webhooks",
                Map.of(
                    "url", List.of(receiver.uri("/hook").toString()),
                    "events", List.of("user.*"),
                    "enabled", List.of("true"),
                    "secret", List.of(SECRET)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.header("Location").replaceAll(".*/", "");

        assertThat(webhooks().findValuesAsText("id")).containsExactly(id);
        JsonNode entry =
            admin.get("/admin/realms/" + realm + "/components/" + id).requireStatus(200).json();
        assertThat(entry.path("config").has("secret")).isFalse();

        admin
            .send(
                "POST",
                "/admin/realms/" + realm + "/user-data/webhooks/" + id + "/test",
                null,
                null)
            .requireStatus(202);
        TestHttpServer.RecordedRequest ping = receiver.takeRequest(Duration.ofSeconds(20));
        assertThat(ping).isNotNull();
        new Webhook(SECRET).verify(ping.bodyText(), headers(ping));
      }
    }

    @Test
    void aBadEntryIsRefusedWithTheApisMessageAndCreatesNothing() throws Exception {
      HttpApi.Answer refused =
          createEntry(
              PAGE_TYPE,
              "userdata-webhooks",
              Map.of("url", List.of("ftp://example.test/hook"), "events", List.of("user.*")));

      assertThat(refused.status()).isEqualTo(400);
      assertThat(refused.body()).contains("url is refused");
      assertThat(webhooks()).isEmpty();
      assertThat(entries(PAGE_TYPE)).isEmpty();
    }

    @Test
    void aSecretThatIsNotAWebhookSecretIsRefused() throws Exception {
      HttpApi.Answer refused =
          createEntry(
              PAGE_TYPE,
              "userdata-webhooks",
              Map.of(
                  "url", List.of("https://hooks.example.test/x"),
                  "events", List.of("user.*"),
                  "secret", List.of("hunter2")));

      assertThat(refused.status()).isEqualTo(400);
      assertThat(refused.body()).contains("whsec_").doesNotContain("hunter2");
      assertThat(webhooks()).isEmpty();
    }

    @Test
    void anEndpointMadeThroughTheApiIsListedAndDeletingItsEntryDeletesIt() {
      String id = createThroughTheApi();

      JsonNode listed = entries(PAGE_TYPE);
      assertThat(listed.findValuesAsText("id")).containsExactly(id);
      assertThat(listed.get(0).path("config").path("events").get(0).asText())
          .isEqualTo("user.created");

      admin
          .send("DELETE", "/admin/realms/" + realm + "/components/" + id, null, null)
          .requireStatus(204);
      assertThat(webhooks()).isEmpty();
    }

    @Test
    void deletingThroughTheApiRemovesTheEntry() {
      String id = createThroughTheApi();

      admin
          .send("DELETE", "/admin/realms/" + realm + "/user-data/webhooks/" + id, null, null)
          .requireStatus(204);

      assertThat(entries(PAGE_TYPE)).isEmpty();
    }
  }

  @Nested
  class WhoMayMakeAnEntryCarryAppMetadata {

    private final Map<String, List<String>> withAppMetadata =
        Map.of(
            "url", List.of("https://hooks.example.test/elsewhere"),
            "events", List.of("user.*"),
            "includeAppMetadata", List.of("true"));

    @Test
    void notARealmManagerWhoMayNotViewUsers() throws Exception {
      HttpApi manager = realmAdminWith("manager", "manage-realm");

      HttpApi.Answer refused =
          createEntry(manager, PAGE_TYPE, "userdata-webhooks", withAppMetadata);

      assertThat(refused.status()).as(refused.body()).isEqualTo(403);
      assertThat(refused.body()).contains("app_metadata").contains("view-users");
      assertThat(webhooks()).isEmpty();
      assertThat(entries(PAGE_TYPE)).isEmpty();
    }

    @Test
    void norOneWhoChangesTheUrlOfAnEntryThatCarriesIt() throws Exception {
      String id = createThroughTheApi(true);
      HttpApi manager = realmAdminWith("manager", "manage-realm");
      JsonNode entry =
          admin.get("/admin/realms/" + realm + "/components/" + id).requireStatus(200).json();
      ((ObjectNode) entry.path("config"))
          .putArray("url")
          .add("https://hooks.example.test/elsewhere");

      HttpApi.Answer refused =
          manager.send(
              "PUT",
              "/admin/realms/" + realm + "/components/" + id,
              "application/json",
              entry.toString());

      assertThat(refused.status()).as(refused.body()).isEqualTo(403);
      assertThat(webhooks().get(0).path("url").asText())
          .isEqualTo("https://hooks.example.test/api");
    }

    @Test
    void butARealmManagerWhoMayViewUsers() throws Exception {
      HttpApi manager = realmAdminWith("manager", "manage-realm", "view-users");

      HttpApi.Answer created =
          createEntry(manager, PAGE_TYPE, "userdata-webhooks", withAppMetadata);

      assertThat(created.status()).as(created.body()).isEqualTo(201);
      assertThat(webhooks().get(0).path("includeAppMetadata").asBoolean()).isTrue();
    }

    /** A user of the page's realm holding {@code roles} of realm-management, with a token. */
    private HttpApi realmAdminWith(String username, String... roles) {
      var users = keycloak.realm(realm).users();
      UserRepresentation user = new UserRepresentation();
      user.setUsername(username);
      user.setEmail(username + "@example.test");
      user.setEmailVerified(true);
      user.setFirstName(username);
      user.setLastName("Tester");
      user.setEnabled(true);
      CredentialRepresentation password = new CredentialRepresentation();
      password.setType("password");
      password.setValue("pw-" + username);
      password.setTemporary(false);
      user.setCredentials(List.of(password));
      String id;
      try (var response = users.create(user)) {
        id = CreatedResponseUtil.getCreatedId(response);
      }
      var management = keycloak.realm(realm).clients().findByClientId("realm-management").get(0);
      var client = keycloak.realm(realm).clients().get(management.getId());
      users
          .get(id)
          .roles()
          .clientLevel(management.getId())
          .add(
              Arrays.stream(roles)
                  .map(role -> client.roles().get(role).toRepresentation())
                  .toList());
      JsonNode tokens =
          HttpApi.withToken(server.baseUrl(), null)
              .send(
                  "POST",
                  "/realms/" + realm + "/protocol/openid-connect/token",
                  "application/x-www-form-urlencoded",
                  "grant_type=password&client_id=admin-cli&username="
                      + username
                      + "&password=pw-"
                      + username)
              .requireStatus(200)
              .json();
      return HttpApi.withToken(server.baseUrl(), tokens.path("access_token").asText());
    }
  }

  @Nested
  class TheBrandTab {

    @Test
    void savingSetsTheRealmAttributesTheThemeReads() throws Exception {
      createEntry(
              TAB_TYPE,
              "userdata",
              Map.of(
                  "primaryColor", List.of("#8a2be2"),
                  "logoUrl", List.of("https://cdn.example.test/logo.svg")))
          .requireStatus(201);

      Map<String, String> attributes = keycloak.realm(realm).toRepresentation().getAttributes();
      assertThat(attributes)
          .containsEntry("userdata.theme.primary.color", "#8a2be2")
          .containsEntry("userdata.theme.logo.url", "https://cdn.example.test/logo.svg");
    }

    @Test
    void aColourThatIsNotHexIsRefused() throws Exception {
      HttpApi.Answer refused =
          createEntry(TAB_TYPE, "userdata", Map.of("primaryColor", List.of("red")));

      assertThat(refused.status()).isEqualTo(400);
      assertThat(refused.body()).contains("#rrggbb");
      assertThat(keycloak.realm(realm).toRepresentation().getAttributes())
          .doesNotContainKey("userdata.theme.primary.color");
    }
  }

  @Nested
  class InTheConsole {

    @Test
    void aRealmAdminCreatesAWebhookAndSetsTheBrandInTheConsole() throws Exception {
      admin
          .send(
              "POST",
              "/admin/realms/" + realm + "/user-data/webhooks",
              "application/json",
              "{\"url\":\"https://hooks.example.test/crm\",\"events\":[\"user.*\"],"
                  + "\"description\":\"CRM sync\"}")
          .requireStatus(201);
      try (Chromium chromium = Chromium.start("admin-console", "en")) {
        WebDriver browser = chromium.driver();
        console.openSignedIn(chromium, console.url(realm, "page-section/userdata-webhooks"));
        chromium
            .waiting()
            .until(
                ExpectedConditions.textToBePresentInElementLocated(
                    By.tagName("body"), "hooks.example.test"));
        chromium.screenshot("webhooks-page");
        browser
            .findElement(By.xpath("//*[self::a or self::button][normalize-space()='Create item']"))
            .click();
        chromium
            .waiting()
            .until(
                ExpectedConditions.textToBePresentInElementLocated(
                    By.tagName("body"), "Signing secret"));
        chromium.screenshot("webhook-form");
        field(browser, "url").sendKeys("https://hooks.example.test/from-console");
        field(browser, "config.events0").sendKeys("user.created");
        browser.findElement(By.xpath("//button[normalize-space()='Save']")).click();
        chromium
            .waiting()
            .until(
                d ->
                    webhooks()
                        .findValuesAsText("url")
                        .contains("https://hooks.example.test/from-console"));
        chromium.screenshot("webhook-saved");

        browser.get(console.url(realm, "realm-settings/userdata"));
        chromium
            .waiting()
            .until(
                ExpectedConditions.textToBePresentInElementLocated(
                    By.tagName("body"), "Primary colour"));
        chromium.screenshot("realm-settings-tab");
        WebElement colour = field(browser, "primaryColor");
        colour.sendKeys("#8a2be2");
        browser.findElement(By.xpath("//button[normalize-space()='Save']")).click();
        chromium
            .waiting()
            .until(
                d ->
                    "#8a2be2"
                        .equals(
                            keycloak
                                .realm(realm)
                                .toRepresentation()
                                .getAttributesOrEmpty()
                                .get("userdata.theme.primary.color")));
        chromium.screenshot("realm-settings-tab-saved");
      }
    }
  }

  /** A console form's input, by the test id the console gives it. */
  private static WebElement field(WebDriver browser, String testId) {
    return browser.findElement(By.cssSelector("[data-testid='" + testId + "']"));
  }

  private static Map<String, List<String>> headers(TestHttpServer.RecordedRequest request) {
    return Map.of(
        "webhook-id", List.of(request.header("webhook-id")),
        "webhook-timestamp", List.of(request.header("webhook-timestamp")),
        "webhook-signature", List.of(request.header("webhook-signature")));
  }
}

package io.kcuserdata.it.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kcuserdata.it.harness.Chromium;
import io.kcuserdata.it.harness.HttpApi;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.RealmRepresentation;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The realm-settings tab "userdata" shows the brand the realm has, wherever it was set (realm JSON,
 * the realm API, the tab), and what the tab saves is what the login pages show.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrandTabIT {

  private static final String TAB_TYPE = "org.keycloak.services.ui.extend.UiTabProvider";
  private static final String COLOUR = "userdata.theme.primary.color";
  private static final String LOGO = "userdata.theme.logo.url";

  private ConsoleServer console;
  private Keycloak keycloak;
  private HttpApi admin;
  private String realm;
  private static int realms;

  @BeforeAll
  void aServerWithDeclarativeUi() {
    console = ConsoleServer.start("keycloak-brand-tab");
    keycloak = console.keycloak;
    admin = console.admin;
  }

  @AfterAll
  void stop() {
    console.close();
  }

  /** A realm on the userdata login theme whose brand came with its JSON: no tab entry exists. */
  @BeforeEach
  void aPurpleRealmImportedFromJson() {
    realm = "brand-" + ++realms;
    RealmRepresentation rep = new RealmRepresentation();
    rep.setRealm(realm);
    rep.setEnabled(true);
    rep.setLoginTheme("userdata");
    rep.setAttributes(
        new HashMap<>(Map.of(COLOUR, "#6b3fa0", LOGO, "https://cdn.example.test/purple.svg")));
    keycloak.realms().create(rep);
  }

  /** The realm's tab entries, asked for exactly as the console asks (with the slash). */
  private JsonNode tabEntries() {
    return admin
        .get("/admin/realms/" + realm + "/components/?type=" + TAB_TYPE)
        .requireStatus(200)
        .json();
  }

  private JsonNode brandEntry() {
    for (JsonNode entry : tabEntries()) {
      if ("userdata".equals(entry.path("providerId").asText())) {
        return entry;
      }
    }
    throw new AssertionError("no userdata entry in " + tabEntries());
  }

  private Map<String, String> attributes() {
    return keycloak.realm(realm).toRepresentation().getAttributesOrEmpty();
  }

  private void setAttributesThroughTheRealmApi(String colour, String logo) {
    RealmRepresentation rep = keycloak.realm(realm).toRepresentation();
    Map<String, String> attributes = new HashMap<>(rep.getAttributesOrEmpty());
    attributes.put(COLOUR, colour);
    attributes.put(LOGO, logo);
    rep.setAttributes(attributes);
    keycloak.realm(realm).update(rep);
  }

  /** Saves the brand entry with {@code colour}, as the console's Save does. */
  private HttpApi.Answer saveWithColour(String colour) {
    JsonNode entry = brandEntry();
    ((ObjectNode) entry.path("config")).putArray("primaryColor").add(colour);
    return admin.send(
        "PUT",
        "/admin/realms/" + realm + "/components/" + entry.path("id").asText(),
        "application/json",
        entry.toString());
  }

  private static String first(JsonNode entry, String field) {
    return entry.path("config").path(field).path(0).asText(null);
  }

  @Nested
  class TheEntryTheConsoleReads {

    @Test
    void holdsTheBrandTheRealmWasImportedWith() {
      JsonNode entry = brandEntry();

      assertThat(first(entry, "primaryColor")).isEqualTo("#6b3fa0");
      assertThat(first(entry, "logoUrl")).isEqualTo("https://cdn.example.test/purple.svg");
      assertThat(tabEntries()).hasSize(1);
    }

    @Test
    void holdsItAlsoWhenListedAsTheAdminApiDocumentsTheListing() {
      JsonNode listed =
          admin
              .get("/admin/realms/" + realm + "/components?type=" + TAB_TYPE)
              .requireStatus(200)
              .json();

      assertThat(listed).hasSize(1);
      assertThat(first(listed.get(0), "primaryColor")).isEqualTo("#6b3fa0");
    }

    @Test
    void followsAChangeMadeThroughTheRealmApi() {
      brandEntry();

      setAttributesThroughTheRealmApi("#0a7d32", "https://cdn.example.test/green.svg");

      JsonNode entry = brandEntry();
      assertThat(first(entry, "primaryColor")).isEqualTo("#0a7d32");
      assertThat(first(entry, "logoUrl")).isEqualTo("https://cdn.example.test/green.svg");
      assertThat(tabEntries()).hasSize(1);
    }

    @Test
    void showsAStoredValueTheThemeIgnoresSoTheAdminCanFixIt() {
      setAttributesThroughTheRealmApi("purple", "https://cdn.example.test/purple.svg");

      assertThat(first(brandEntry(), "primaryColor")).isEqualTo("purple");
      assertThat(attributes()).containsEntry(COLOUR, "purple");
    }

    @Test
    void isSavedBackToTheRealmAttributes() {
      saveWithColour("#c0392b").requireStatus(204);

      assertThat(attributes())
          .containsEntry(COLOUR, "#c0392b")
          .containsEntry(LOGO, "https://cdn.example.test/purple.svg");
      assertThat(first(brandEntry(), "primaryColor")).isEqualTo("#c0392b");
    }

    @Test
    void refusesANewValueThatIsNotHexAndKeepsTheStoredOne() {
      HttpApi.Answer refused = saveWithColour("red");

      assertThat(refused.status()).isEqualTo(400);
      assertThat(refused.body()).contains("#rrggbb");
      assertThat(attributes()).containsEntry(COLOUR, "#6b3fa0");
    }

    @Test
    void isNotMadeForARealmWithoutABrand() {
      String plain = realm + "-plain";
      RealmRepresentation rep = new RealmRepresentation();
      rep.setRealm(plain);
      rep.setEnabled(true);
      keycloak.realms().create(rep);

      assertThat(
              admin
                  .get("/admin/realms/" + plain + "/components?type=" + TAB_TYPE)
                  .requireStatus(200)
                  .json())
          .isEmpty();
    }
  }

  @Nested
  class InTheConsole {

    @Test
    void theTabShowsTheStoredBrandAndWhatItSavesReachesTheLoginPage() {
      try (Chromium chromium = Chromium.start("brand-tab", "en")) {
        WebDriver browser = chromium.driver();
        console.openSignedIn(chromium, console.url(realm, "realm-settings/userdata"));
        chromium
            .waiting()
            .until(
                ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("[data-testid='primaryColor']")));
        chromium.screenshot("tab-loaded");
        chromium
            .waiting()
            .until(d -> "#6b3fa0".equals(field(browser, "primaryColor").getDomProperty("value")));
        assertThat(field(browser, "logoUrl").getDomProperty("value"))
            .isEqualTo("https://cdn.example.test/purple.svg");
        chromium.screenshot("tab-shows-the-stored-brand");

        WebElement colour = field(browser, "primaryColor");
        colour.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        colour.sendKeys("#0a7d32");
        browser.findElement(By.xpath("//button[normalize-space()='Save']")).click();
        chromium.waiting().until(d -> "#0a7d32".equals(attributes().get(COLOUR)));
        chromium.screenshot("tab-saved");
        assertThat(attributes()).containsEntry(LOGO, "https://cdn.example.test/purple.svg");

        browser.get(console.server.baseUrl() + "/realms/" + realm + "/account");
        chromium.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("kc-login")));
        assertThat(browser.getPageSource())
            .contains("--userdata-primary: #0a7d32")
            .contains("https://cdn.example.test/purple.svg");
        chromium.screenshot("login-page-in-the-new-colour");

        browser.get(console.url(realm, "realm-settings/userdata"));
        chromium
            .waiting()
            .until(d -> "#0a7d32".equals(field(d, "primaryColor").getDomProperty("value")));
      }
    }
  }

  /** A console form's input, by the test id the console gives it. */
  private static WebElement field(WebDriver browser, String testId) {
    return browser.findElement(By.cssSelector("[data-testid='" + testId + "']"));
  }
}

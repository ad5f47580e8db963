package io.kcuserdata.it.themes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kcuserdata.it.harness.Chromium;
import io.kcuserdata.it.harness.FlowInstaller;
import io.kcuserdata.it.harness.HttpApi;
import io.kcuserdata.it.harness.KeycloakIT;
import io.kcuserdata.it.harness.Realms;
import io.kcuserdata.it.harness.TestRealm;
import io.kcuserdata.it.harness.TestSmtpServer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The {@code userdata} login theme in a real browser, in English and German: the progressive prompt
 * (asked, an error next to its field, answered, the next prompt, skipped), the page of a suspended
 * user, a login refused by the per-application block and the verify-email notice, with a screenshot
 * of each under {@code target/screenshots/login-theme-<lang>/}.
 */
@KeycloakIT
class LoginThemePagesIT {

  private static final String SAVE = "userdata-prompt:save";
  private static final String SKIP = "userdata-prompt:skip";

  private static final Path FLOWS =
      Path.of(System.getProperty("repo.root", ".."), "docs/flows/client-access-guard.json");

  @ParameterizedTest(name = "in {0}")
  @CsvSource({
    "en, A few more details, This account is suspended, You cannot sign in to this application",
    "de, Noch ein paar Angaben, Dieses Konto ist gesperrt, Sie können sich bei dieser Anwendung"
  })
  void everyPageOfTheThemeInOneLanguage(
      String language,
      String promptTitle,
      String suspended,
      String blocked,
      Realms realms,
      HttpApi admin)
      throws Exception {
    try (Chromium chromium = Chromium.start("login-theme-" + language, language);
        TestSmtpServer smtp = TestSmtpServer.start()) {
      ProgressiveRealm progressive =
          ProgressiveRealm.create(
              realms,
              admin,
              r ->
                  r.setSmtpServer(
                      Map.of(
                          "host", "127.0.0.1",
                          "port", Integer.toString(smtp.port()),
                          "from", "keycloak@example.test")));
      progressive.brand("#8a2be2", "https://logo.example/brand.svg");
      TestRealm realm = progressive.realm;
      String aliceId = realm.createUser("alice", "pw-alice-1");
      WebDriver browser = chromium.driver();

      signIn(chromium, realm, "alice", "pw-alice-1", "sign-in");
      waitForText(chromium, promptTitle);
      chromium.screenshot("prompt");

      browser.findElement(By.name("phone")).sendKeys("call me maybe");
      browser.findElement(By.name("profile.nickname")).sendKeys("Ally");
      browser.findElement(By.name(SAVE)).click();
      waitForText(chromium, "Use digits, spaces and an optional leading +");
      assertThat(browser.findElement(By.name("phone")).getAttribute("aria-describedby"))
          .isEqualTo("userdata-field-0-error");
      chromium.screenshot("prompt-error");

      // Corrected with the keyboard alone: clear, type, Enter submits.
      browser.findElement(By.name("phone")).clear();
      browser.findElement(By.name("phone")).sendKeys("+49 30 1234567", Keys.ENTER);
      awaitApp(chromium, realm);
      assertThat(realm.attributes(aliceId).get("phone")).containsExactly("+49 30 1234567");

      signIn(chromium, realm, "alice", "pw-alice-1", null);
      awaitApp(chromium, realm);
      signIn(chromium, realm, "alice", "pw-alice-1", null);
      waitForText(chromium, promptTitle);
      assertThat(browser.findElements(By.name("user_metadata.team"))).hasSize(1);
      chromium.screenshot("next-prompt");
      browser.findElement(By.name(SKIP)).click();
      awaitApp(chromium, realm);
      assertThat(realm.attributes(aliceId)).doesNotContainKey("user_metadata.team");

      String bobId = realm.createUser("bob", "pw-bob-1");
      admin
          .send(
              "POST",
              "/admin/realms/" + realm.name() + "/user-data/users/" + bobId + "/suspend",
              "application/json",
              "{\"reason\":\"fraud review\"}")
          .requireStatus(200);
      signIn(chromium, realm, "bob", "pw-bob-1", null);
      waitForText(chromium, suspended);
      assertThat(browser.getPageSource()).doesNotContain("fraud review");
      chromium.screenshot("suspended");

      guardTheBrowserFlow(realm);
      String carolId = realm.createUser("carol", "pw-carol-1");
      admin
          .send(
              "PUT",
              "/admin/realms/" + realm.name() + "/user-data/users/" + carolId + "/blocked-clients",
              "application/json",
              "[\"" + TestRealm.APP_CLIENT_ID + "\"]")
          .requireStatus(200);
      signIn(chromium, realm, "carol", "pw-carol-1", null);
      waitForText(chromium, blocked);
      chromium.screenshot("application-blocked");

      UserRepresentation dave = new UserRepresentation();
      dave.setUsername("dave");
      dave.setEmail("dave@example.test");
      dave.setEnabled(true);
      dave.setRequiredActions(List.of("VERIFY_EMAIL"));
      realm.createUser(dave, "pw-dave-1");
      signIn(chromium, realm, "dave", "pw-dave-1", null);
      waitForText(chromium, "dave@example.test");
      chromium.screenshot("verify-email");
    }
  }

  private static void guardTheBrowserFlow(TestRealm realm) throws Exception {
    FlowInstaller.install(
        realm, new ObjectMapper().readValue(FLOWS.toFile(), RealmRepresentation.class));
    RealmRepresentation bindings = new RealmRepresentation();
    bindings.setBrowserFlow("browser with client guard");
    realm.admin().update(bindings);
  }

  /** From no session: the realm's sign-in page, then the credentials. */
  private static void signIn(
      Chromium chromium, TestRealm realm, String username, String password, String screenshot) {
    WebDriver browser = chromium.driver();
    // Every cookie of every site and path: WebDriver's own delete sees only the current page's.
    chromium.driver().executeCdpCommand("Network.clearBrowserCookies", Map.of());
    browser.get(authUrl(realm));
    try {
      chromium.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
    } catch (RuntimeException e) {
      throw new AssertionError(
          "no sign-in form at " + browser.getCurrentUrl() + ":\n" + browser.getPageSource(), e);
    }
    browser.findElement(By.id("username")).sendKeys(username);
    browser.findElement(By.id("password")).sendKeys(password);
    if (screenshot != null) {
      chromium.screenshot(screenshot);
    }
    browser.findElement(By.id("kc-login")).click();
  }

  private static void waitForText(Chromium chromium, String text) {
    chromium
        .waiting()
        .until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), text));
  }

  private static void awaitApp(Chromium chromium, TestRealm realm) {
    chromium.waiting().until(ExpectedConditions.urlContains(realm.appRedirectUri().toString()));
  }

  private static String authUrl(TestRealm realm) {
    return realm.issuer()
        + "/protocol/openid-connect/auth?response_type=code&scope=openid&client_id="
        + TestRealm.APP_CLIENT_ID
        + "&redirect_uri="
        + URLEncoder.encode(realm.appRedirectUri().toString(), StandardCharsets.UTF_8)
        + "&state="
        + UUID.randomUUID();
  }
}

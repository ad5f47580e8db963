package io.kcuserdata.it.delegation;

import static org.assertj.core.api.Assertions.assertThat;

import io.kcuserdata.it.harness.Chromium;
import io.kcuserdata.it.harness.HttpApi;
import io.kcuserdata.it.harness.KeycloakIT;
import io.kcuserdata.it.harness.Realms;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.UserRepresentation;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The delegated-admin page in a real browser: sign-in through the realm, search, edit, suspend;
 * screenshots in {@code target/screenshots/delegated-admin/}.
 */
@KeycloakIT
class DelegatedAdminPageIT {

  @Test
  void aDelegatedAdminSignsInSearchesEditsAndSuspendsAMember(Realms realms, HttpApi admin)
      throws Exception {
    try (Chromium chromium = Chromium.start("delegated-admin", "en");
        TwoOrganizations f = new TwoOrganizations(realms, admin)) {
      admin
          .send("POST", f.path("/admin/realms/%s/user-data/delegated-admin/client"), null, null)
          .requireStatus(201);
      WebDriver browser = chromium.driver();

      browser.get(f.realm.baseUrl() + f.path("/realms/%s/user-data/delegated-admin"));
      chromium.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in")));
      chromium.screenshot("signed-out");
      browser.findElement(By.id("sign-in")).click();
      chromium.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
      signIn(chromium, true);

      chromium
          .waiting()
          .until(ExpectedConditions.textToBePresentInElementLocated(By.id("members"), "member-a"));
      chromium.screenshot("members");

      browser.findElement(By.id("search")).sendKeys("member-a");
      browser.findElement(By.cssSelector("#search-form button[type=submit]")).click();
      chromium
          .waiting()
          .until(
              ExpectedConditions.textToBePresentInElementLocated(By.id("count"), "1 member shown"));
      browser.findElement(By.cssSelector("[aria-label='Open member-a']")).click();
      chromium.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("f-first")));
      replace(browser.findElement(By.id("f-first")), "Alicia");
      replace(browser.findElement(By.id("f-data")), "{\"team\": \"green\"}");
      chromium.screenshot("editing");
      browser.findElement(By.id("save")).click();
      chromium
          .waiting()
          .until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "Saved"));
      chromium.screenshot("saved");

      browser.findElement(By.cssSelector("[aria-label='Open member-a']")).click();
      chromium.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("reason")));
      browser.findElement(By.id("reason")).sendKeys("left the team");
      browser.findElement(By.id("suspend")).click();
      chromium
          .waiting()
          .until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "Suspended"));
      chromium
          .waiting()
          .until(ExpectedConditions.textToBePresentInElementLocated(By.id("members"), "suspended"));
      chromium.screenshot("suspended");
      browser.manage().window().setSize(new Dimension(390, 844));
      chromium.screenshot("on-a-phone");

      UserRepresentation memberA = f.realm.admin().users().get(f.memberA).toRepresentation();
      assertThat(memberA.getFirstName()).isEqualTo("Alicia");
      assertThat(memberA.isEnabled()).isFalse();
      assertThat(
              f.admin
                  .get(f.path("/admin/realms/%s/user-data/users/" + f.memberA))
                  .json()
                  .path("org")
                  .path("acme")
                  .path("team")
                  .asText())
          .isEqualTo("green");
    }
  }

  @Test
  void anErrorFromTheApiIsShownToThePerson(Realms realms, HttpApi admin) throws Exception {
    try (Chromium chromium = Chromium.start("delegated-admin-errors", "en");
        TwoOrganizations f = new TwoOrganizations(realms, admin)) {
      admin
          .send("POST", f.path("/admin/realms/%s/user-data/delegated-admin/client"), null, null)
          .requireStatus(201);
      WebDriver browser = chromium.driver();
      browser.get(f.realm.baseUrl() + f.path("/realms/%s/user-data/delegated-admin/"));
      chromium.waiting().until(ExpectedConditions.elementToBeClickable(By.id("sign-in"))).click();
      signIn(chromium, false);
      chromium
          .waiting()
          .until(ExpectedConditions.textToBePresentInElementLocated(By.id("members"), "member-a"));

      browser.findElement(By.id("new-member")).click();
      browser.findElement(By.id("f-username")).sendKeys("member-b");
      browser.findElement(By.id("save")).click();

      chromium
          .waiting()
          .until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "already"));
      chromium.screenshot("error-shown");
    }
  }

  /** Keycloak's login with organizations on: the username first, then the password. */
  private static void signIn(Chromium chromium, boolean screenshots) {
    WebDriver browser = chromium.driver();
    chromium.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
    browser.findElement(By.id("username")).sendKeys("lead");
    if (browser.findElements(By.id("password")).isEmpty()) {
      browser.findElement(By.id("kc-login")).click();
      chromium.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("password")));
    }
    browser.findElement(By.id("password")).sendKeys("pw-lead-1");
    if (screenshots) {
      chromium.screenshot("keycloak-sign-in");
    }
    browser.findElement(By.id("kc-login")).click();
  }

  private static void replace(WebElement field, String text) {
    field.clear();
    field.sendKeys(text);
  }
}

package io.kcuserdata.it.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kcuserdata.it.harness.Chromium;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The README's walkthrough steps, each as a person does it in the browser: the demo app's buttons,
 * Keycloak's pages, the receiver's and the mail catcher's pages.
 */
final class DemoPages {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final By APP_PAGE = By.id("signed-in");
  private static final By PROMPT_SKIP = By.name("userdata-prompt:skip");
  private static final By VERIFY_EMAIL_NOTICE = By.cssSelector(".userdata-notice");

  /** Where a sign-in lands after upstream's form. */
  enum Landing {
    APP_PAGE,
    PROGRESSIVE_PROMPT,
    VERIFY_EMAIL
  }

  /** What the app page shows: the user, and each of the pack's claims with its source lines. */
  record AppPage(String username, Map<String, JsonNode> claims, Map<String, String> sources) {}

  /** One row of the receiver's page. */
  record Delivery(String type, String user, boolean verified, String text) {}

  private final Chromium chromium;
  private final WebDriver browser;
  private final DemoProcess.Ports ports;

  DemoPages(Chromium chromium, DemoProcess.Ports ports) {
    this.chromium = chromium;
    this.browser = chromium.driver();
    this.ports = ports;
  }

  /**
   * The app's Sign in, the acme page's Upstream IdP button, upstream's form. Upstream asks for the
   * password each time: the app's Sign out ended the upstream session too.
   */
  Landing signInThroughUpstream(String username, String password) {
    browser.get(ports.app() + "/");
    chromium.waiting().until(ExpectedConditions.elementToBeClickable(By.id("sign-in"))).click();
    chromium
        .waiting()
        .until(ExpectedConditions.elementToBeClickable(By.id("social-upstream")))
        .click();
    chromium.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
    assertThat(browser.getCurrentUrl())
        .as("upstream's own sign-in form")
        .contains("/realms/upstream/");
    browser.findElement(By.id("username")).sendKeys(username);
    browser.findElement(By.id("password")).sendKeys(password);
    browser.findElement(By.id("kc-login")).click();
    return landing();
  }

  /**
   * The page a step ended on. Keycloak's "proceed" page (an action link opened outside the sign-in
   * it belongs to) is passed as a person would, with its link.
   */
  Landing landing() {
    By proceed = By.cssSelector("#kc-info-message a");
    chromium
        .waiting()
        .until(
            ExpectedConditions.or(
                ExpectedConditions.presenceOfElementLocated(APP_PAGE),
                ExpectedConditions.presenceOfElementLocated(PROMPT_SKIP),
                ExpectedConditions.presenceOfElementLocated(VERIFY_EMAIL_NOTICE),
                ExpectedConditions.presenceOfElementLocated(proceed),
                ExpectedConditions.presenceOfElementLocated(By.id("error"))));
    if (!browser.findElements(APP_PAGE).isEmpty()) {
      return Landing.APP_PAGE;
    }
    if (!browser.findElements(PROMPT_SKIP).isEmpty()) {
      return Landing.PROGRESSIVE_PROMPT;
    }
    if (!browser.findElements(VERIFY_EMAIL_NOTICE).isEmpty()) {
      return Landing.VERIFY_EMAIL;
    }
    if (!browser.findElements(proceed).isEmpty()) {
      browser.findElement(proceed).click();
      return landing();
    }
    throw new AssertionError(
        "the demo app's error page: " + browser.findElement(By.tagName("main")).getText());
  }

  Landing skipPrompt() {
    browser.findElement(PROMPT_SKIP).click();
    return landing();
  }

  Landing answerPrompt(Map<String, String> answers) {
    answers.forEach(
        (attribute, value) -> {
          WebElement field = browser.findElement(By.name(attribute));
          field.clear();
          field.sendKeys(value);
        });
    browser.findElement(By.name("userdata-prompt:save")).click();
    return landing();
  }

  AppPage appPage() throws Exception {
    chromium.waiting().until(ExpectedConditions.presenceOfElementLocated(APP_PAGE));
    Map<String, JsonNode> claims = new LinkedHashMap<>();
    Map<String, String> sources = new LinkedHashMap<>();
    for (WebElement card : browser.findElements(By.cssSelector("#pack-claims [data-claim]"))) {
      String claim = card.getAttribute("data-claim");
      List<WebElement> value = card.findElements(By.cssSelector("pre.claim-value"));
      claims.put(claim, value.isEmpty() ? null : JSON.readTree(value.get(0).getText()));
      sources.put(claim, card.findElement(By.cssSelector("ul.source")).getText());
    }
    return new AppPage(browser.findElement(By.id("username")).getText(), claims, sources);
  }

  /** RP-initiated logout: acme's session ends, upstream's through the broker, back to the app. */
  void signOut() {
    browser.findElement(By.id("sign-out")).click();
    chromium.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("signed-out")));
  }

  List<Delivery> received() {
    browser.get(ports.app() + "/received");
    chromium.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("summary")));
    List<Delivery> deliveries = new ArrayList<>();
    for (WebElement row : browser.findElements(By.cssSelector("tr.delivery"))) {
      List<WebElement> cells = row.findElements(By.tagName("td"));
      deliveries.add(
          new Delivery(
              cells.get(1).getText(),
              cells.get(2).getText(),
              "true".equals(row.getAttribute("data-verified")),
              row.getText()));
    }
    return deliveries;
  }

  String receivedNotice() {
    return browser.findElement(By.id("kept")).getText();
  }

  /** The mail page, and the first link of the newest mail to {@code address}, clicked. */
  Landing followMailLink(String address) {
    browser.get(ports.app() + "/mail");
    WebElement mail =
        chromium
            .waiting()
            .until(
                ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("section.mail[data-to*='" + address + "']")));
    assertSettledWithinTheWidth("the mail page");
    chromium.screenshot("mail");
    mail.findElement(By.cssSelector("a.mail-link")).click();
    return landing();
  }

  /**
   * The page as it will stay: its fonts loaded (a screenshot meanwhile shows the fallback), and
   * nothing wider than the window, whatever a token or a link holds.
   */
  void assertSettledWithinTheWidth(String what) {
    JavascriptExecutor js = (JavascriptExecutor) browser;
    js.executeAsyncScript(
        "const done = arguments[arguments.length - 1]; document.fonts.ready.then(() => done(true));");
    long content =
        ((Number) js.executeScript("return document.documentElement.scrollWidth")).longValue();
    long window =
        ((Number) js.executeScript("return document.documentElement.clientWidth")).longValue();
    assertThat(content)
        .as("%s fits the window's width: no horizontal scrolling", what)
        .isLessThanOrEqualTo(window);
  }

  void open(String path) {
    browser.get(ports.app() + path);
  }

  String pageText() {
    return browser.findElement(By.tagName("body")).getText();
  }
}

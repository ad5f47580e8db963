package io.kcuserdata.it.console;

import io.kcuserdata.it.harness.Chromium;
import io.kcuserdata.it.harness.DistributionServer;
import io.kcuserdata.it.harness.HttpApi;
import java.util.List;
import org.keycloak.admin.client.Keycloak;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A server of its own with the admin console's {@code declarative-ui} feature (the shared test
 * server runs without it), its admin client and the admin's HTTP API.
 */
final class ConsoleServer implements AutoCloseable {

  final DistributionServer server;
  final Keycloak keycloak;
  final HttpApi admin;

  private ConsoleServer(DistributionServer server) {
    this.server = server;
    this.keycloak =
        Keycloak.getInstance(
            server.baseUrl().toString(),
            "master",
            server.adminUser(),
            server.adminPassword(),
            "admin-cli");
    this.admin = HttpApi.asAdmin(server, keycloak);
  }

  /** Starts a copy of the distribution named {@code copy} with the feature on. */
  static ConsoleServer start(String copy) {
    return new ConsoleServer(
        DistributionServer.startCopy(copy, List.of("--db=dev-mem", "--features=declarative-ui")));
  }

  /** The console's URL of {@code path} in {@code realm}, e.g. {@code realm-settings/userdata}. */
  String url(String realm, String path) {
    return server.baseUrl() + "/admin/master/console/#/" + realm + "/" + path;
  }

  /** Opens the console at {@code url} and signs in as the server's admin. */
  void openSignedIn(Chromium chromium, String url) {
    WebDriver browser = chromium.driver();
    browser.get(url);
    chromium.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
    browser.findElement(By.id("username")).sendKeys(server.adminUser());
    browser.findElement(By.id("password")).sendKeys(server.adminPassword());
    browser.findElement(By.id("kc-login")).click();
  }

  @Override
  public void close() {
    keycloak.close();
    server.close();
  }
}

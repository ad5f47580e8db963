package io.kcuserdata.it.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kcuserdata.it.harness.Pkce;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.htmlunit.Page;
import org.htmlunit.WebClient;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.HtmlAnchor;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The README's first command, run as a person would: {@code ./demo.sh} starts Keycloak with both
 * realms and the demo services; ada signs in to the demo app through the upstream realm; her token
 * carries the claims API's billing claims and the data the IdP mappers put in her namespaces; the
 * receiver has verified webhooks; the delegated admin lead reaches acme-corp through the page's
 * client; SIGTERM stops it all and leaves no process behind.
 */
class DemoWalkthroughIT {

  private static final Path ROOT = Path.of(System.getProperty("repo.root", ".."));
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @Test
  void signInThroughUpstreamGivesATokenWithExternalAndNamespacedClaimsAndVerifiedWebhooks()
      throws Exception {
    Assumptions.assumeTrue(
        Files.isExecutable(Path.of("/usr/bin/curl")) || Files.isExecutable(Path.of("/bin/curl")),
        "curl is not installed (demo.sh needs it; apt-get install curl): walkthrough skipped");
    int port = freePort();
    int services = freePort();
    Path log = ROOT.resolve("integration-tests/target/demo-walkthrough.log");
    ProcessBuilder command = new ProcessBuilder("bash", "demo.sh", "--reset");
    command.directory(ROOT.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
    command.environment().put("KC_PORT", Integer.toString(port));
    command.environment().put("KC_MANAGEMENT_PORT", Integer.toString(freePort()));
    command.environment().put("DEMO_SERVICES_PORT", Integer.toString(services));
    command.environment().put("JAVA_HOME", System.getProperty("java.home"));
    Process demo = command.start();
    List<ProcessHandle> started = List.of();
    try {
      awaitLine(demo, log, "kc-userdata demo is running", Duration.ofMinutes(6));
      started = demo.descendants().toList();

      JsonNode claims = signIn(port, services, "ada", "ada");

      assertThat(claims.path("billing").path("plan").asText()).isEqualTo("enterprise");
      assertThat(claims.path("custom_data").path("department").asText()).isEqualTo("Research");
      assertThat(claims.path("profile_data").path("nickname").asText()).isEqualTo("ada");
      JsonNode received = awaitWebhook(services, "user.created", Duration.ofSeconds(60));
      assertThat(received.path("verified").asBoolean()).isTrue();
      assertThat(administeredOrganizations(port, "lead", "lead")).contains("acme-corp");
    } finally {
      demo.destroy(); // SIGTERM, as Ctrl-C's trap handles it
      boolean exited = demo.waitFor(90, TimeUnit.SECONDS);
      if (!exited) {
        demo.descendants().forEach(ProcessHandle::destroyForcibly);
        demo.destroyForcibly();
      }
      assertThat(exited).as("demo.sh ends on SIGTERM; its log: %s", log).isTrue();
    }
    for (ProcessHandle child : started) {
      child.onExit().get(30, TimeUnit.SECONDS);
      assertThat(child.isAlive()).as("left behind: %s", child.info()).isFalse();
    }
    assertThat(Files.readString(log)).contains("Stopped.");
  }

  /** The browser's way: the app's sign-in link, the IdP button, upstream's form, the prompt. */
  private static JsonNode signIn(int port, int services, String username, String password)
      throws Exception {
    try (WebClient browser = new WebClient()) {
      browser.getOptions().setJavaScriptEnabled(false);
      browser.getOptions().setCssEnabled(false);
      browser.getOptions().setThrowExceptionOnFailingStatusCode(false);
      String auth =
          "http://localhost:"
              + port
              + "/realms/acme/protocol/openid-connect/auth?client_id=demo-app&response_type=code"
              + "&scope=openid&redirect_uri="
              + URLEncoder.encode(
                  "http://localhost:" + services + "/callback", StandardCharsets.UTF_8);
      HtmlPage login = browser.getPage(auth);
      HtmlAnchor upstream = (HtmlAnchor) login.getElementById("social-upstream");
      assertThat(upstream)
          .as("the Upstream IdP button on:\n%s", login.asNormalizedText())
          .isNotNull();
      HtmlPage upstreamLogin = upstream.click();
      HtmlForm form = (HtmlForm) upstreamLogin.getElementById("kc-form-login");
      form.getInputByName("username").setValue(username);
      form.getInputByName("password").setValue(password);
      Page next =
          form.getElementsByTagName("button").stream()
              .filter(b -> "submit".equals(b.getAttribute("type")))
              .findFirst()
              .map(DemoWalkthroughIT::click)
              .orElseThrow();
      for (int step = 0; step < 3 && !isCallback(next, services); step++) {
        HtmlPage page = (HtmlPage) next;
        DomElement skip =
            page.getElementsByName("userdata-prompt:skip").stream().findFirst().orElse(null);
        assertThat(skip).as("the progressive prompt on:\n%s", page.asNormalizedText()).isNotNull();
        next = click(skip);
      }
      assertThat(isCallback(next, services)).as(next.getUrl().toString()).isTrue();
      DomElement pre = ((HtmlPage) next).getElementById("claims");
      assertThat(pre).as(((HtmlPage) next).asNormalizedText()).isNotNull();
      return JSON.readTree(pre.getTextContent());
    }
  }

  /**
   * The organizations a delegated admin administers, with a token the page's own client gets as the
   * page does: authorization code with PKCE. A token of any other client is refused there.
   */
  private static String administeredOrganizations(int port, String username, String password)
      throws Exception {
    String base = "http://localhost:" + port + "/realms/acme";
    String page = base + "/user-data/delegated-admin/";
    Pkce pkce = Pkce.create();
    String code;
    try (WebClient browser = new WebClient()) {
      browser.getOptions().setJavaScriptEnabled(false);
      browser.getOptions().setCssEnabled(false);
      browser.getOptions().setThrowExceptionOnFailingStatusCode(false);
      HtmlPage login =
          browser.getPage(
              base
                  + "/protocol/openid-connect/auth?client_id=userdata-delegated-admin"
                  + "&response_type=code&scope=openid&code_challenge_method=S256&code_challenge="
                  + pkce.challenge()
                  + "&redirect_uri="
                  + URLEncoder.encode(page, StandardCharsets.UTF_8));
      HtmlForm form = (HtmlForm) login.getElementById("kc-form-login");
      assertThat(form).as("the sign-in form on:\n%s", login.asNormalizedText()).isNotNull();
      form.getInputByName("username").setValue(username);
      if (form.getInputsByName("password").isEmpty()) {
        // Organizations on: the username first, then the password.
        form = (HtmlForm) ((HtmlPage) submit(form)).getElementById("kc-form-login");
      }
      form.getInputByName("password").setValue(password);
      Page next = submit(form);
      for (int step = 0; step < 3 && !next.getUrl().toString().startsWith(page); step++) {
        DomElement skip =
            ((HtmlPage) next)
                .getElementsByName("userdata-prompt:skip").stream().findFirst().orElse(null);
        assertThat(skip)
            .as("the progressive prompt on:\n%s", ((HtmlPage) next).asNormalizedText())
            .isNotNull();
        next = click(skip);
      }
      String landed = next.getUrl().toString();
      assertThat(landed).startsWith(page).contains("code=");
      code = landed.replaceAll(".*[?&]code=([^&#]+).*", "$1");
    }
    HttpResponse<String> tokens =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(base + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "grant_type=authorization_code&client_id=userdata-delegated-admin&code="
                            + code
                            + "&code_verifier="
                            + pkce.verifier()
                            + "&redirect_uri="
                            + URLEncoder.encode(page, StandardCharsets.UTF_8)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    String token = JSON.readTree(tokens.body()).path("access_token").asText();
    assertThat(token).as(tokens.body()).isNotEmpty();
    HttpResponse<String> organizations =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(base + "/user-data/organizations"))
                .header("Authorization", "Bearer " + token)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(organizations.statusCode()).as(organizations.body()).isEqualTo(200);
    return organizations.body();
  }

  private static Page submit(HtmlForm form) {
    return form.getElementsByTagName("button").stream()
        .filter(b -> "submit".equals(b.getAttribute("type")))
        .findFirst()
        .or(
            () ->
                form.getElementsByTagName("input").stream()
                    .filter(i -> "submit".equals(i.getAttribute("type")))
                    .findFirst())
        .map(DemoWalkthroughIT::click)
        .orElseThrow(() -> new AssertionError("no submit button in " + form.getId()));
  }

  private static boolean isCallback(Page page, int services) {
    return page.getUrl().toString().startsWith("http://localhost:" + services + "/callback");
  }

  private static Page click(DomElement element) {
    try {
      return element.click();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static JsonNode awaitWebhook(int services, String type, Duration timeout)
      throws Exception {
    long end = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < end) {
      HttpResponse<String> answer =
          HTTP.send(
              HttpRequest.newBuilder(URI.create("http://localhost:" + services + "/received"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      for (JsonNode event : JSON.readTree(answer.body())) {
        if (type.equals(event.path("type").asText())) {
          return event;
        }
      }
      Thread.sleep(500);
    }
    throw new AssertionError("no verified " + type + " webhook within " + timeout);
  }

  private static void awaitLine(Process demo, Path log, String line, Duration timeout)
      throws Exception {
    long end = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < end) {
      if (Files.exists(log) && Files.readString(log).contains(line)) {
        return;
      }
      if (!demo.isAlive()) {
        throw new AssertionError("demo.sh ended before it was ready:\n" + Files.readString(log));
      }
      Thread.sleep(1000);
    }
    throw new AssertionError("demo.sh not ready within " + timeout + ":\n" + Files.readString(log));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}

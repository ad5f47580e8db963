package io.kcuserdata.it.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kcuserdata.it.demo.DemoPages.AppPage;
import io.kcuserdata.it.demo.DemoPages.Delivery;
import io.kcuserdata.it.demo.DemoPages.Landing;
import io.kcuserdata.it.harness.Chromium;
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
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The README's walkthrough ("The demo") in Chromium, as a new user follows it: {@code ./demo.sh
 * --reset}; ada signs in through upstream ten times in a row (the prompt on the first, skipped,
 * back on the third, answered), each time reaching the app page with the pack's three claims; the
 * demo restarts without reset and ada signs in five more times; bob verifies his address through
 * the mail catcher and is linked; the receiver lists verified deliveries from before and after the
 * restart. Screenshots at 1280×720 in {@code target/screenshots/demo/} (the README's come from
 * there).
 */
class DemoWalkthroughIT {

  private static final Path ROOT = Path.of(System.getProperty("repo.root", ".."));
  private static final Path LOG = Path.of("target", "demo-walkthrough.log");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, String> ADAS_ANSWERS =
      Map.of("user_metadata.team", "Research", "profile.website", "https://ada.example");
  private static final List<String> PACK_CLAIMS = List.of("billing", "custom_data", "profile_data");

  @Test
  void theReadmeWalkthroughWorksEverySignInAndAcrossARestart() throws Exception {
    Assumptions.assumeTrue(
        Files.isExecutable(Path.of("/usr/bin/curl")) || Files.isExecutable(Path.of("/bin/curl")),
        "curl is not installed (demo.sh needs it; apt-get install curl): walkthrough skipped");
    Files.deleteIfExists(LOG);
    DemoProcess.Ports ports = DemoProcess.Ports.free();
    try (Chromium chromium = Chromium.start("demo", "en")) {
      chromium.viewport(1280, 720);
      DemoPages pages = new DemoPages(chromium, ports);

      try (DemoProcess demo = DemoProcess.start(ROOT, ports, true, LOG.toAbsolutePath())) {
        demo.awaitReady(Duration.ofMinutes(8));
        for (int signIn = 1; signIn <= 10; signIn++) {
          adaSignsIn(pages, chromium, signIn);
        }
        assertVerifiedDeliveriesFor(pages, "ada", "user.created", "user.login");
        demo.stop();
      }

      try (DemoProcess demo = DemoProcess.start(ROOT, ports, false, LOG.toAbsolutePath())) {
        demo.awaitReady(Duration.ofMinutes(6));
        assertThat(pages.received())
            .as("the receiver's list is kept across the restart")
            .anyMatch(
                d -> d.verified() && d.type().equals("user.created") && d.user().equals("ada"));
        for (int signIn = 11; signIn <= 15; signIn++) {
          adaSignsIn(pages, chromium, signIn);
        }
        assertThat(statusOf(ports, "ada")).contains("status.login_count = 15");

        bobVerifiesThroughTheMailAndIsLinked(pages, chromium, ports);

        List<Delivery> received = assertVerifiedDeliveriesFor(pages, "bob", "user.created");
        assertThat(received).noneMatch(d -> !d.verified());
        assertThat(pages.receivedNotice()).contains("survives a restart");
        pages.assertSettledWithinTheWidth("the receiver's page");
        chromium.screenshot("received");
        demo.stop();
      }
    }
  }

  /**
   * Sign-in {@code n} of ada's: the prompt on the first (skipped) and, with {@code
   * sign.ins.between.prompts = 1}, on the third (answered); never after that.
   */
  private static void adaSignsIn(DemoPages pages, Chromium chromium, int n) throws Exception {
    Landing landing = pages.signInThroughUpstream("ada", "ada");
    if (n == 1) {
      assertThat(landing)
          .as("sign-in 1 asks for the missing details")
          .isEqualTo(Landing.PROGRESSIVE_PROMPT);
      pages.assertSettledWithinTheWidth("the prompt");
      chromium.screenshot("prompt");
      landing = pages.skipPrompt();
    } else if (n == 3) {
      assertThat(landing)
          .as("sign-in 3: one sign-in without the prompt after the skip, then it is back")
          .isEqualTo(Landing.PROGRESSIVE_PROMPT);
      landing = pages.answerPrompt(ADAS_ANSWERS);
    }
    assertThat(landing).as("sign-in %d reaches the app page", n).isEqualTo(Landing.APP_PAGE);

    AppPage page = pages.appPage();
    pages.assertSettledWithinTheWidth("the app page");
    assertThat(page.username()).isEqualTo("ada");
    assertThat(page.claims())
        .as("sign-in %d: the pack's claims, highlighted", n)
        .containsKeys(PACK_CLAIMS.toArray(String[]::new));
    assertThat(page.claims().get("billing").path("plan").asText()).isEqualTo("enterprise");
    assertThat(page.claims().get("custom_data").path("department").asText()).isEqualTo("Research");
    assertThat(page.claims().get("profile_data").path("nickname").asText()).isEqualTo("ada");
    assertThat(page.sources().get("billing"))
        .contains("userdata-external-claims-mapper", "/claims");
    assertThat(page.sources().get("custom_data"))
        .contains("userdata-namespace-claim-mapper", "department", "upstream");
    assertThat(page.sources().get("profile_data"))
        .contains("nickname", "website", "progressive prompt");
    if (n >= 3) {
      assertThat(page.claims().get("profile_data").path("website").asText())
          .as("the answer to the prompt is in the token from then on")
          .isEqualTo("https://ada.example");
    }
    if (n == 3) {
      chromium.screenshot("app");
    }
    pages.signOut();
  }

  private static void bobVerifiesThroughTheMailAndIsLinked(
      DemoPages pages, Chromium chromium, DemoProcess.Ports ports) throws Exception {
    Landing landing = pages.signInThroughUpstream("bob", "bob");
    assertThat(landing)
        .as("bob's unverified address: acme asks him to verify it\n%s", pages.pageText())
        .isEqualTo(Landing.VERIFY_EMAIL);
    assertThat(pages.pageText()).contains("bob@upstream.example");
    chromium.screenshot("verify-email");

    landing = pages.followMailLink("bob@upstream.example");
    if (landing == Landing.PROGRESSIVE_PROMPT) {
      landing = pages.skipPrompt();
    }
    assertThat(landing).as(pages.pageText()).isEqualTo(Landing.APP_PAGE);
    AppPage page = pages.appPage();
    assertThat(page.username()).isEqualTo("bob");
    assertThat(page.claims().get("billing").path("plan").asText()).isEqualTo("free");
    assertThat(page.claims().get("custom_data").path("department").asText()).isEqualTo("Sales");
    pages.signOut();

    JsonNode bob = adminGet(ports, "/admin/realms/acme/users?exact=true&username=bob").get(0);
    assertThat(bob.path("emailVerified").asBoolean()).as("bob's address verified").isTrue();
    JsonNode links =
        adminGet(
            ports, "/admin/realms/acme/users/" + bob.path("id").asText() + "/federated-identity");
    assertThat(links.findValuesAsText("identityProvider"))
        .as("bob is linked to upstream")
        .contains("upstream");
  }

  private static List<Delivery> assertVerifiedDeliveriesFor(
      DemoPages pages, String user, String... types) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    List<Delivery> received = pages.received();
    while (!hasAll(received, user, types) && System.nanoTime() < end) {
      Thread.sleep(1000);
      received = pages.received();
    }
    assertThat(hasAll(received, user, types))
        .as(
            "verified %s for %s within a minute on the receiver's page:\n%s",
            List.of(types), user, pages.pageText())
        .isTrue();
    return received;
  }

  private static boolean hasAll(List<Delivery> received, String user, String... types) {
    for (String type : types) {
      if (received.stream()
          .noneMatch(d -> d.verified() && d.type().equals(type) && d.user().equals(user))) {
        return false;
      }
    }
    return true;
  }

  /** What {@code demo/status.sh} prints, run as the README says. */
  private static String statusOf(DemoProcess.Ports ports, String user) throws Exception {
    ProcessBuilder command = new ProcessBuilder("bash", "demo/status.sh", user);
    command.directory(ROOT.toFile()).redirectErrorStream(true);
    command.environment().put("KC_PORT", Integer.toString(ports.keycloak()));
    Process status = command.start();
    String output = new String(status.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(status.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(status.exitValue()).as(output).isZero();
    return output;
  }

  private static JsonNode adminGet(DemoProcess.Ports ports, String path) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> token =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(
                        ports.keycloakUrl() + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "grant_type=password&client_id=admin-cli&username=admin&password="
                            + URLEncoder.encode("admin", StandardCharsets.UTF_8)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    String bearer = JSON.readTree(token.body()).path("access_token").asText();
    HttpResponse<String> answer =
        http.send(
            HttpRequest.newBuilder(URI.create(ports.keycloakUrl() + path))
                .header("Authorization", "Bearer " + bearer)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return JSON.readTree(answer.body());
  }
}

package io.kcuserdata.it.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kcuserdata.it.harness.Browser;
import io.kcuserdata.it.harness.HttpApi;
import io.kcuserdata.it.harness.KeycloakIT;
import io.kcuserdata.it.harness.LoginOutcome;
import io.kcuserdata.it.harness.Realms;
import io.kcuserdata.it.harness.TestRealm;
import io.kcuserdata.it.harness.TestSmtpServer;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.htmlunit.html.HtmlAnchor;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.UserRepresentation;

/** The two events that need an e-mail link: a real SMTP server on loopback receives them. */
@KeycloakIT
class WebhookEmailEventsIT {

  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final Pattern LINK =
      Pattern.compile("https?://[^\\s\"<>]+/login-actions/action-token\\?key=[^\\s\"<>]+");

  private TestSmtpServer smtp;
  private WebhookEndpointFixture hooks;
  private TestRealm realm;

  @BeforeEach
  void realmThatSendsMail(Realms realms, HttpApi admin) {
    smtp = TestSmtpServer.start();
    realm =
        realms.create(
            r -> {
              r.setResetPasswordAllowed(true);
              r.setSmtpServer(
                  Map.of(
                      "host", "127.0.0.1",
                      "port", Integer.toString(smtp.port()),
                      "from", "keycloak@example.test"));
            });
    hooks = new WebhookEndpointFixture(realm, admin);
  }

  @AfterEach
  void stop() {
    hooks.close();
    smtp.close();
  }

  @Test
  void followingTheVerificationLinkSendsEmailVerified(Browser browser) throws Exception {
    UserRepresentation user = new UserRepresentation();
    user.setUsername("vera");
    user.setEmail("vera@example.test");
    user.setEmailVerified(false);
    String id = realm.createUser(user, "pw-vera-1");

    realm.admin().users().get(id).sendVerifyEmail();
    HtmlPage page = (HtmlPage) browser.open(link(smtp.take(WAIT)));
    proceedIfAsked(page);

    JsonNode verified = hooks.receiver.awaitType("user.email_verified", WAIT);
    hooks.assertSignedAndValid(verified);
    assertThat(verified.path("data").path("user").path("id").asText()).isEqualTo(id);
    assertThat(realm.admin().users().get(id).toRepresentation().isEmailVerified()).isTrue();
  }

  @Test
  void resettingAForgottenPasswordSendsPasswordReset(Browser browser) throws Exception {
    String id = realm.createUser("quinn", "pw-quinn-1");
    String redirect = URLEncoder.encode(realm.appRedirectUri().toString(), StandardCharsets.UTF_8);
    HtmlPage login =
        (HtmlPage)
            browser.open(
                URI.create(
                    realm.issuer()
                        + "/protocol/openid-connect/auth?client_id="
                        + TestRealm.APP_CLIENT_ID
                        + "&response_type=code&scope=openid&redirect_uri="
                        + redirect));
    HtmlPage forgot = anchor(login, "Forgot").click();
    browser.submit(realm, forgot, "kc-reset-password-form", Map.of("username", "quinn"));
    HtmlPage update = (HtmlPage) browser.open(link(smtp.take(WAIT)));
    LoginOutcome done =
        browser.submit(
            realm,
            update,
            "kc-passwd-update-form",
            Map.of("password-new", "pw-quinn-2", "password-confirm", "pw-quinn-2"));

    JsonNode reset = hooks.receiver.awaitType("user.password_reset", WAIT);
    JsonNode changed = hooks.receiver.awaitType("user.password_changed", WAIT);
    for (JsonNode payload : new JsonNode[] {reset, changed}) {
      hooks.assertSignedAndValid(payload);
      assertThat(payload.path("data").path("user").path("id").asText()).isEqualTo(id);
      assertThat(payload.toString()).doesNotContain("pw-quinn-2");
    }
    assertThat(done.signedIn()).as(done.pageText()).isTrue();
  }

  /** The action link of a message, quoted-printable undone. */
  private static URI link(String message) {
    String text = message.replace("=\n", "").replace("=3D", "=");
    Matcher m = LINK.matcher(text);
    if (!m.find()) {
      throw new AssertionError("no action link in:\n" + message);
    }
    return URI.create(m.group().replace("&amp;", "&"));
  }

  private static void proceedIfAsked(HtmlPage page) throws Exception {
    for (HtmlAnchor a : page.getAnchors()) {
      if (a.asNormalizedText().toLowerCase().contains("proceed")) {
        a.click();
        return;
      }
    }
  }

  private static HtmlAnchor anchor(HtmlPage page, String text) {
    return page.getAnchors().stream()
        .filter(a -> a.asNormalizedText().contains(text))
        .findFirst()
        .orElseThrow(
            () -> new AssertionError("no link '" + text + "' on " + page.asNormalizedText()));
  }
}

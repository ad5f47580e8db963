package io.kcuserdata.it.themes;

import static org.assertj.core.api.Assertions.assertThat;

import io.kcuserdata.it.harness.Browser;
import io.kcuserdata.it.harness.HttpApi;
import io.kcuserdata.it.harness.KeycloakIT;
import io.kcuserdata.it.harness.LoginOutcome;
import io.kcuserdata.it.harness.Realms;
import java.util.List;
import java.util.Map;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * {@code userdata-progressive-profile} over real sign-ins: it asks for the first missing attributes
 * a few at a time, shows an invalid value's error next to its field, stores valid values where the
 * user-data API sees them at once, waits the configured sign-ins before asking again, lets a skip
 * postpone, goes away when nothing is missing, and writes nothing from a tampered post.
 */
@KeycloakIT
class ProgressiveProfileIT {

  private static final String PASSWORD = "pw-progressive-1";

  private ProgressiveRealm progressive;
  private String aliceId;

  @BeforeEach
  void aRealmThatCollectsFourAttributes(Realms realms, HttpApi admin) {
    progressive = ProgressiveRealm.create(realms, admin);
    aliceId = progressive.realm.createUser("alice", PASSWORD);
  }

  private LoginOutcome signIn(Browser browser) {
    return browser.login(progressive.realm, "alice", PASSWORD);
  }

  private static List<String> askedFields(LoginOutcome outcome) {
    assertThat(outcome.signedIn()).as("a prompt, not the app: %s", outcome.url()).isFalse();
    DomElement form = outcome.page().getElementById(ProgressiveRealm.FORM);
    assertThat(form).as("the prompt form on:\n%s", outcome.pageText()).isNotNull();
    return form.getElementsByTagName("input").stream()
        .map(input -> input.getAttribute("name"))
        .toList();
  }

  private LoginOutcome answer(Browser browser, LoginOutcome prompt, Map<String, String> values) {
    return browser.submit(
        progressive.realm, prompt.page(), ProgressiveRealm.FORM, values, "userdata-prompt:save");
  }

  private LoginOutcome skip(Browser browser, LoginOutcome prompt) {
    return browser.submit(
        progressive.realm, prompt.page(), ProgressiveRealm.FORM, Map.of(), "userdata-prompt:skip");
  }

  @Nested
  class ASignIn {

    @Test
    void asksForTheFirstTwoMissingAttributesInTheConfiguredOrder(Browser browser) {
      LoginOutcome prompt = signIn(browser);

      assertThat(askedFields(prompt)).containsExactly("phone", "profile.nickname");
      assertThat(prompt.pageText()).contains("A few more details").contains("Phone number");
    }

    @Test
    void showsAnInvalidValuesErrorNextToItsFieldAndStoresNothing(Browser browser) {
      LoginOutcome prompt = signIn(browser);

      LoginOutcome again =
          answer(browser, prompt, Map.of("phone", "call me maybe", "profile.nickname", "Ally"));

      assertThat(again.signedIn()).isFalse();
      HtmlPage page = again.page();
      DomElement phone = page.getElementById("userdata-field-0");
      assertThat(phone.getAttribute("aria-invalid")).isEqualTo("true");
      DomElement error = page.getElementById(phone.getAttribute("aria-describedby"));
      assertThat(error.getTextContent()).contains("Use digits, spaces and an optional leading +");
      assertThat(page.getElementById("userdata-field-1").getAttribute("value"))
          .as("the other answer is kept for the correction")
          .isEqualTo("Ally");
      assertThat(progressive.realm.attributes(aliceId))
          .doesNotContainKeys("phone", "profile.nickname");
    }

    @Test
    void showsASchemasRefusalNextToItsFieldAndStoresNothing(Browser browser, HttpApi admin) {
      admin
          .send(
              "PUT",
              "/admin/realms/" + progressive.realm.name() + "/user-data/schemas/profile",
              "application/json",
              "{\"properties\":{\"nickname\":{\"maxLength\":3}}}")
          .requireStatus(200);
      LoginOutcome prompt = signIn(browser);

      LoginOutcome again =
          answer(browser, prompt, Map.of("phone", "+49 30 1234567", "profile.nickname", "Ally"));

      assertThat(again.signedIn()).isFalse();
      DomElement nickname = again.page().getElementById("userdata-field-1");
      assertThat(nickname.getAttribute("aria-invalid")).isEqualTo("true");
      DomElement error = again.page().getElementById(nickname.getAttribute("aria-describedby"));
      assertThat(error.getTextContent()).contains("3");
      assertThat(progressive.realm.attributes(aliceId))
          .doesNotContainKeys("phone", "profile.nickname");
    }

    @Test
    void storesValidValuesWhereTheUserDataApiSeesThemAtOnce(Browser browser) {
      LoginOutcome prompt = signIn(browser);

      LoginOutcome done =
          answer(browser, prompt, Map.of("phone", "+49 30 1234567", "profile.nickname", "Ally"));

      assertThat(done.signedIn()).as(done.pageText()).isTrue();
      assertThat(progressive.realm.attributes(aliceId).get("phone"))
          .containsExactly("+49 30 1234567");
      assertThat(progressive.userData(aliceId).path("profile").path("nickname").asText())
          .isEqualTo("Ally");
    }
  }

  @Nested
  class LaterSignIns {

    @Test
    void waitTheConfiguredGapThenAskForTheNextOnes(Browser browser) {
      answer(
          browser, signIn(browser), Map.of("phone", "+49 30 1234567", "profile.nickname", "Ally"));

      assertThat(signIn(browser).signedIn()).as("one sign-in between prompts").isTrue();
      LoginOutcome next = signIn(browser);

      assertThat(askedFields(next)).containsExactly("user_metadata.team", "profile.website");
    }

    @Test
    void skipPostponesThePromptWithoutStoringAnything(Browser browser) {
      LoginOutcome skipped = skip(browser, signIn(browser));

      assertThat(skipped.signedIn()).as(skipped.pageText()).isTrue();
      assertThat(progressive.realm.attributes(aliceId))
          .doesNotContainKeys("phone", "profile.nickname");
      assertThat(signIn(browser).signedIn()).as("not on the very next sign-in").isTrue();
      assertThat(askedFields(signIn(browser))).containsExactly("phone", "profile.nickname");
    }

    @Test
    void stopOnceNothingIsMissing(Browser browser) {
      answer(
          browser, signIn(browser), Map.of("phone", "+49 30 1234567", "profile.nickname", "Ally"));
      signIn(browser);
      LoginOutcome done =
          answer(
              browser,
              signIn(browser),
              Map.of("user_metadata.team", "Platform", "profile.website", "https://ally.example"));
      assertThat(done.signedIn()).as(done.pageText()).isTrue();

      for (int i = 0; i < 3; i++) {
        assertThat(signIn(browser).signedIn()).isTrue();
      }
      assertThat(
              progressive
                  .realm
                  .admin()
                  .users()
                  .get(aliceId)
                  .toRepresentation()
                  .getRequiredActions())
          .doesNotContain(ProgressiveRealm.ACTION);
      assertThat(progressive.userData(aliceId).path("user_metadata").path("team").asText())
          .isEqualTo("Platform");
    }
  }

  @Nested
  class ADirectGrant {

    @Test
    void isNotRefusedWhileAttributesAreMissing() {
      for (int i = 0; i < 3; i++) {
        assertThat(progressive.realm.tokens().password("alice", PASSWORD).ok())
            .as("a grant with no page to show the prompt on")
            .isTrue();
      }
    }

    @Test
    void doesNotCountTowardsTheGapBetweenPrompts(Browser browser) {
      skip(browser, signIn(browser));

      assertThat(progressive.realm.tokens().password("alice", PASSWORD).ok()).isTrue();

      assertThat(signIn(browser).signedIn()).as("still the one sign-in of the gap").isTrue();
      assertThat(askedFields(signIn(browser))).containsExactly("phone", "profile.nickname");
    }
  }

  @Nested
  class ATamperedPost {

    @Test
    void withAFieldThatWasNotAskedForWritesNothing(Browser browser) {
      LoginOutcome prompt = signIn(browser);

      LoginOutcome refused =
          answer(
              browser,
              prompt,
              Map.of(
                  "phone", "+49 30 1234567",
                  "profile.nickname", "Ally",
                  "app_metadata.x", "1"));

      assertThat(refused.signedIn()).isFalse();
      assertThat(refused.pageText()).contains("fields that were not asked for");
      assertThat(progressive.realm.attributes(aliceId))
          .doesNotContainKeys("phone", "profile.nickname", "app_metadata.x");
    }

    @Test
    void withAnAttributeOfTheNextPromptWritesNothing(Browser browser) {
      LoginOutcome refused =
          answer(
              browser,
              signIn(browser),
              Map.of("phone", "+49 30 1234567", "user_metadata.team", "Platform"));

      assertThat(refused.signedIn()).isFalse();
      assertThat(progressive.realm.attributes(aliceId))
          .doesNotContainKeys("phone", "user_metadata.team");
    }
  }

  @Nested
  class WhenNotSkippable {

    @BeforeEach
    void noSkipping() {
      progressive.configure(
          Map.of(
              "attributes", String.join("##", ProgressiveRealm.ATTRIBUTES),
              "skippable", "false",
              "sign.ins.between.prompts", "1"));
    }

    @Test
    void aBlankFieldIsRequiredAndThereIsNoSkipButton(Browser browser) {
      LoginOutcome prompt = signIn(browser);
      assertThat(prompt.page().getElementsByName("userdata-prompt:skip")).isEmpty();

      LoginOutcome again = answer(browser, prompt, Map.of("phone", "+49 30 1234567"));

      assertThat(again.signedIn()).isFalse();
      DomElement nickname = again.page().getElementById("userdata-field-1");
      assertThat(nickname.getAttribute("aria-invalid")).isEqualTo("true");
      assertThat(progressive.realm.attributes(aliceId)).doesNotContainKey("phone");
    }

    @Test
    void aForgedSkipIsRefused(Browser browser) {
      LoginOutcome prompt = signIn(browser);

      LoginOutcome again =
          browser.submit(
              progressive.realm,
              prompt.page(),
              ProgressiveRealm.FORM,
              Map.of("userdata-prompt:skip", "true"));

      assertThat(again.signedIn()).isFalse();
      assertThat(again.pageText()).contains("Please fill in these details to continue");
    }
  }

  @Nested
  class TheConfiguration {

    @Test
    void refusesANamespaceTheUserMayNotWriteNamingIt() {
      HttpApi.Answer refused =
          progressive.tryConfigure(Map.of("attributes", "profile.nickname##app_metadata.x"));

      assertThat(refused.status()).isEqualTo(400);
      assertThat(refused.body()).contains("app_metadata.x").contains("users may not write");
    }

    @Test
    void refusesAnAttributeTheUserProfileDoesNotDeclare() {
      HttpApi.Answer refused = progressive.tryConfigure(Map.of("attributes", "shoe_size"));

      assertThat(refused.status()).isEqualTo(400);
      assertThat(refused.body()).contains("shoe_size").contains("user profile");
    }

    @Test
    void refusesANumberOutOfRange() {
      HttpApi.Answer refused =
          progressive.tryConfigure(Map.of("attributes", "phone", "max.per.prompt", "0"));

      assertThat(refused.status()).isEqualTo(400);
      assertThat(refused.body()).contains("max.per.prompt");
    }
  }
}

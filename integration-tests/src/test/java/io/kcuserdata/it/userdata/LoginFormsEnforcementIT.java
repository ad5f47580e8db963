package io.kcuserdata.it.userdata;

import static org.assertj.core.api.Assertions.assertThat;

import io.kcuserdata.it.harness.Browser;
import io.kcuserdata.it.harness.KeycloakIT;
import io.kcuserdata.it.harness.LoginOutcome;
import io.kcuserdata.it.harness.Realms;
import io.kcuserdata.it.harness.TestRealm;
import io.kcuserdata.it.harness.UpstreamIdp;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.AuthenticationExecutionInfoRepresentation;
import org.keycloak.representations.idm.AuthenticatorConfigRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.representations.userprofile.config.UPConfig.UnmanagedAttributePolicy;

/**
 * Keycloak's login forms, a hostile user adding fields for every namespace: the update-profile
 * required action, the registration form and the first-broker-login review form. The realm lets
 * users edit undeclared attributes (ENABLED), the policy that opens those forms widest.
 */
@KeycloakIT
class LoginFormsEnforcementIT {

  private SeededRealm seeded;

  @BeforeEach
  void seed(Realms realms) {
    seeded = SeededRealm.create(realms, UnmanagedAttributePolicy.ENABLED);
  }

  @Nested
  class TheUpdateProfileForm {

    @Test
    void neitherShowsNorChangesWhatTheUserMayNotTouch(Browser browser) {
      UserRepresentation alice =
          seeded.realm.admin().users().get(seeded.aliceId).toRepresentation();
      alice.setRequiredActions(List.of("UPDATE_PROFILE"));
      seeded.realm.admin().users().get(seeded.aliceId).update(alice);

      LoginOutcome form = browser.login(seeded.realm, "alice", SeededRealm.PASSWORD);
      assertThat(form.signedIn()).isFalse();
      assertThat(form.pageText()).doesNotContain("gold").doesNotContain("app_metadata");

      LoginOutcome submitted =
          browser.submit(
              seeded.realm,
              form.page(),
              "kc-update-profile-form",
              SeededRealm.overwriteEverything());

      Map<String, List<String>> expected = new TreeMap<>(SeededRealm.SEEDED);
      // The one namespaced attribute the realm declared as the user's own to edit.
      expected.put("user_metadata.lang", List.of("hacked"));
      assertThat(seeded.namespaced()).isEqualTo(expected);
      assertThat(submitted.signedIn()).as(submitted.pageText()).isTrue();
    }
  }

  @Nested
  class TheRegistrationForm {

    @Test
    void createsTheUserWithoutAnyForbiddenNamespace(Browser browser) {
      Map<String, String> fields = new TreeMap<>(SeededRealm.overwriteEverything());
      fields.remove("user_metadata.lang");
      fields.remove("user_metadata.theme");
      fields.remove("profile.nickname");
      fields.putAll(
          Map.of(
              "username", "mallory",
              "email", "mallory@example.test",
              "firstName", "Mallory",
              "lastName", "Hacker",
              "password", "pw-mallory-1",
              "password-confirm", "pw-mallory-1"));

      LoginOutcome outcome =
          browser.submit(
              seeded.realm, browser.openRegistrationPage(seeded.realm), "kc-register-form", fields);

      assertThat(outcome.signedIn()).as(outcome.pageText()).isTrue();
      assertThat(namespacedAttributesOf(seeded.realm, "mallory")).isEmpty();
    }
  }

  @Nested
  class TheFirstBrokerLoginReviewForm {

    @Test
    void createsTheBrokeredUserWithoutAnyForbiddenNamespace(Realms realms, Browser browser) {
      UpstreamIdp upstream = realms.upstreamOidc(seeded.realm, "upstream");
      upstream.createUser("trudy", "pw-trudy-1");
      alwaysReviewProfile(seeded.realm);
      Map<String, String> fields = new TreeMap<>(SeededRealm.overwriteEverything());
      fields
          .keySet()
          .removeIf(name -> name.startsWith("user_metadata.") || name.startsWith("profile."));

      LoginOutcome outcome =
          browser.loginThroughIdp(seeded.realm, "upstream", "trudy", "pw-trudy-1", fields);

      assertThat(outcome.signedIn()).as(outcome.pageText()).isTrue();
      assertThat(namespacedAttributesOf(seeded.realm, "trudy")).isEmpty();
    }
  }

  private static Map<String, List<String>> namespacedAttributesOf(
      TestRealm realm, String username) {
    List<UserRepresentation> users = realm.admin().users().searchByUsername(username, true);
    assertThat(users).hasSize(1);
    return realm.namespacedAttributes(users.get(0).getId());
  }

  /** Makes Keycloak show the review form on every first broker login. */
  private static void alwaysReviewProfile(TestRealm realm) {
    for (AuthenticationExecutionInfoRepresentation execution :
        realm.admin().flows().getExecutions("first broker login")) {
      if ("idp-review-profile".equals(execution.getProviderId())) {
        AuthenticatorConfigRepresentation config =
            realm.admin().flows().getAuthenticatorConfig(execution.getAuthenticationConfig());
        config.getConfig().put("update.profile.on.first.login", "on");
        realm.admin().flows().updateAuthenticatorConfig(config.getId(), config);
        return;
      }
    }
    throw new AssertionError("no review-profile step in the first broker login flow");
  }
}

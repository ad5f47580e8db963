package io.kcuserdata.it.themes;

import static org.assertj.core.api.Assertions.assertThat;

import io.kcuserdata.it.harness.Browser;
import io.kcuserdata.it.harness.HttpApi;
import io.kcuserdata.it.harness.KeycloakIT;
import io.kcuserdata.it.harness.Realms;
import io.kcuserdata.it.harness.TestRealm;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The {@code userdata} theme takes the realm's colour and logo from two realm attributes, and only
 * values that match strict patterns: an attribute must not be a way to inject CSS into the page.
 */
@KeycloakIT
class RealmBrandIT {

  private ProgressiveRealm progressive;

  @BeforeEach
  void aRealmOnTheUserdataTheme(Realms realms, HttpApi admin) {
    progressive = ProgressiveRealm.create(realms, admin);
  }

  private String signInPage(Browser browser) {
    TestRealm realm = progressive.realm;
    URI auth =
        URI.create(
            realm.issuer()
                + "/protocol/openid-connect/auth?response_type=code&scope=openid&client_id="
                + TestRealm.APP_CLIENT_ID
                + "&redirect_uri="
                + URLEncoder.encode(realm.appRedirectUri().toString(), StandardCharsets.UTF_8));
    return browser.open(auth).getWebResponse().getContentAsString();
  }

  @Nested
  class AWellFormedBrand {

    @Test
    void colourAndLogoReachThePage(Browser browser) {
      progressive.brand("#8a2be2", "https://cdn.example/logo.svg");

      String page = signInPage(browser);

      assertThat(page)
          .contains("--userdata-primary: #8a2be2")
          .contains("https://cdn.example/logo.svg");
      assertThat(page).contains("css/userdata.css");
    }
  }

  @Nested
  class AHostileBrand {

    @Test
    void aColourThatClosesTheRuleIsLeftOut(Browser browser) {
      progressive.brand("red;} body{display:none", "https://cdn.example/logo.svg");

      String page = signInPage(browser);

      assertThat(page).doesNotContain("display:none").doesNotContain("--userdata-primary: red");
      assertThat(page).contains("https://cdn.example/logo.svg");
    }

    @Test
    void aLogoThatIsNotPlainHttpsIsLeftOut(Browser browser) {
      progressive.brand("#8a2be2", "https://x.example/a.svg\") ; } body{display:none");

      String page = signInPage(browser);

      assertThat(page).doesNotContain("display:none").doesNotContain("x.example");
      assertThat(page).contains("--userdata-primary: #8a2be2");
    }

    @Test
    void aJavascriptLogoIsLeftOut(Browser browser) {
      progressive.brand("#8a2be2", "javascript:alert(1)");

      assertThat(signInPage(browser)).doesNotContain("javascript:alert");
    }
  }
}

package io.kcuserdata.it.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.htmlunit.Page;
import org.htmlunit.WebClient;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.HtmlButton;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlInput;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlSubmitInput;

/**
 * A browser without JavaScript (HtmlUnit) that signs in through Keycloak's login pages, as a person
 * would: the browser flow, forms and redirects, ending at the test app's redirect URI.
 */
public final class Browser implements AutoCloseable {

  private final WebClient client = new WebClient();

  Browser() {
    client.getOptions().setJavaScriptEnabled(false);
    client.getOptions().setCssEnabled(false);
    client.getOptions().setThrowExceptionOnFailingStatusCode(false);
    client.getOptions().setRedirectEnabled(true);
  }

  /** Signs in with username and password through the realm's browser flow, from no session. */
  public LoginOutcome login(TestRealm realm, String username, String password) {
    return login(realm, TestRealm.APP_CLIENT_ID, "openid", username, password);
  }

  /** As above for another client (redirecting to the test app too) and scope. */
  public LoginOutcome login(
      TestRealm realm, String clientId, String scope, String username, String password) {
    client.getCookieManager().clearCookies();
    URI auth = authUrl(realm, clientId, scope);
    Page page = open(auth);
    if (!(page instanceof HtmlPage html)) {
      throw new AssertionError("expected a login page at " + auth);
    }
    return submitCredentials(realm, html, username, password);
  }

  /**
   * Signs in to public client {@code clientId} with PKCE through the realm's browser flow, from no
   * session, and answers the authorization code Keycloak sent to {@code redirectUri} (a page this
   * browser loads without running its scripts: only its address is read).
   */
  public String authorizationCode(
      TestRealm realm,
      String clientId,
      URI redirectUri,
      Pkce pkce,
      String username,
      String password) {
    client.getCookieManager().clearCookies();
    URI auth =
        URI.create(
            authUrl(realm, clientId, "openid", redirectUri)
                + "&code_challenge_method=S256&code_challenge="
                + pkce.challenge());
    Page page = open(auth);
    if (!(page instanceof HtmlPage html)) {
      throw new AssertionError("expected a login page at " + auth);
    }
    LoginOutcome outcome = submitCredentials(realm, html, username, password);
    String code = LoginOutcome.queryParameter(outcome.url(), "code");
    if (!outcome.url().toString().startsWith(redirectUri.toString()) || code == null) {
      throw new AssertionError(
          "the sign-in did not reach " + redirectUri + ":\n" + outcome.pageText());
    }
    return code;
  }

  /**
   * Signs in to public client {@code clientId} as a single-page app does: the authorization code
   * flow with PKCE (S256) and the app's own {@code redirectUri}, from no session; then redeems the
   * code with the verifier, as the app's script would.
   */
  public TokenEndpoint.TokenResponse signInWithPkce(
      TestRealm realm, String clientId, URI redirectUri, String username, String password) {
    Pkce pkce = Pkce.create();
    String code = authorizationCode(realm, clientId, redirectUri, pkce, username, password);
    return realm.tokens().exchangeCode(clientId, code, redirectUri, pkce.verifier());
  }

  /**
   * Starts a login to {@code clientId} in this browser's current session (its SSO cookie, if any,
   * included) and answers where it ended: at the app when the session sufficed.
   */
  public LoginOutcome continueSession(TestRealm realm, String clientId) {
    return LoginOutcome.of(realm, open(authUrl(realm, clientId, "openid")));
  }

  /** Grants what the consent screen asks for. */
  public LoginOutcome acceptConsent(TestRealm realm, LoginOutcome consentScreen) {
    HtmlPage page = consentScreen.page();
    if (page == null) {
      throw new AssertionError("no consent screen: " + consentScreen.url());
    }
    for (DomElement element : page.getElementsByTagName("input")) {
      if (element instanceof HtmlSubmitInput accept
          && "accept".equals(accept.getAttribute("name"))) {
        return LoginOutcome.of(realm, click(accept));
      }
    }
    for (DomElement element : page.getElementsByTagName("button")) {
      if ("accept".equals(element.getAttribute("name"))) {
        return LoginOutcome.of(realm, click(element));
      }
    }
    throw new AssertionError(
        "no accept button on " + page.getUrl() + ":\n" + page.asNormalizedText());
  }

  /**
   * Signs in through identity provider {@code alias}: the realm's login page, the provider's
   * button, the upstream login form, and the first-broker-login review form if Keycloak shows one.
   */
  public LoginOutcome loginThroughIdp(
      TestRealm realm, String alias, String username, String password) {
    return loginThroughIdp(realm, alias, username, password, Map.of());
  }

  /** As above, filling {@code reviewFields} into the review form when Keycloak shows it. */
  public LoginOutcome loginThroughIdp(
      TestRealm realm,
      String alias,
      String username,
      String password,
      Map<String, String> reviewFields) {
    client.getCookieManager().clearCookies();
    HtmlPage page = openLoginPage(realm);
    DomElement button = page.getElementById("social-" + alias);
    if (button == null) {
      throw new AssertionError("no button for identity provider " + alias + " on " + page.getUrl());
    }
    Page upstream = click(button);
    if (!(upstream instanceof HtmlPage upstreamPage)) {
      return LoginOutcome.of(realm, upstream);
    }
    LoginOutcome outcome = submitCredentials(realm, upstreamPage, username, password);
    if (outcome.signedIn() || outcome.page() == null) {
      return outcome;
    }
    for (String id : List.of("kc-idp-review-profile-form", "kc-update-profile-form")) {
      if (findForm(outcome.page(), id) != null) {
        return submit(realm, outcome.page(), id, reviewFields);
      }
    }
    if (!reviewFields.isEmpty()) {
      throw new AssertionError(
          "no review form to fill at " + outcome.url() + ":\n" + outcome.pageText());
    }
    return outcome;
  }

  /**
   * Fills {@code fields} into form {@code formId} of {@code page} (adding hidden inputs for names
   * the form does not have, as a hostile user would) and submits it.
   */
  public LoginOutcome submit(
      TestRealm realm, HtmlPage page, String formId, Map<String, String> fields) {
    return LoginOutcome.of(realm, submit(fill(page, formId, fields)));
  }

  /**
   * As {@link #submit(TestRealm, HtmlPage, String, Map)}, pressing the button named {@code button}.
   */
  public LoginOutcome submit(
      TestRealm realm, HtmlPage page, String formId, Map<String, String> fields, String button) {
    HtmlForm form = fill(page, formId, fields);
    for (DomElement element : form.getElementsByTagName("button")) {
      if (button.equals(element.getAttribute("name"))) {
        return LoginOutcome.of(realm, click(element));
      }
    }
    throw new AssertionError("form " + formId + " has no button named " + button);
  }

  private static HtmlForm fill(HtmlPage page, String formId, Map<String, String> fields) {
    HtmlForm form = findForm(page, formId);
    if (form == null) {
      throw new AssertionError(
          "no form " + formId + " at " + page.getUrl() + ":\n" + page.asNormalizedText());
    }
    fields.forEach(
        (name, value) -> {
          List<HtmlInput> inputs = form.getInputsByName(name);
          if (inputs.isEmpty()) {
            DomElement input = page.createElement("input");
            input.setAttribute("type", "hidden");
            input.setAttribute("name", name);
            input.setAttribute("value", value);
            form.appendChild(input);
          } else {
            inputs.get(0).setValue(value);
          }
        });
    return form;
  }

  /** The realm's registration form, reached as the login page's "Register" link would. */
  public HtmlPage openRegistrationPage(TestRealm realm) {
    client.getCookieManager().clearCookies();
    Page page =
        open(
            URI.create(
                authUrl(realm, TestRealm.APP_CLIENT_ID, "openid")
                    .toString()
                    .replace("/auth?", "/registrations?")));
    if (page instanceof HtmlPage html) {
      return html;
    }
    throw new AssertionError("no registration page for realm " + realm.name());
  }

  /** Opens any page (an account page, an error page) in this browser's session. */
  public Page open(URI uri) {
    try {
      return client.getPage(uri.toURL());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private HtmlPage openLoginPage(TestRealm realm) {
    URI auth = authUrl(realm, TestRealm.APP_CLIENT_ID, "openid");
    Page page = open(auth);
    if (page instanceof HtmlPage html) {
      return html;
    }
    throw new AssertionError(
        "expected a login page at " + auth + ", got " + page.getWebResponse().getContentType());
  }

  private static URI authUrl(TestRealm realm, String clientId, String scope) {
    return authUrl(realm, clientId, scope, realm.appRedirectUri());
  }

  private static URI authUrl(TestRealm realm, String clientId, String scope, URI redirectUri) {
    return URI.create(
        realm.issuer()
            + "/protocol/openid-connect/auth?response_type=code"
            + "&scope="
            + URLEncoder.encode(scope, StandardCharsets.UTF_8)
            + "&client_id="
            + URLEncoder.encode(clientId, StandardCharsets.UTF_8)
            + "&redirect_uri="
            + URLEncoder.encode(redirectUri.toString(), StandardCharsets.UTF_8)
            + "&state="
            + UUID.randomUUID()
            + "&nonce="
            + UUID.randomUUID());
  }

  private LoginOutcome submitCredentials(
      TestRealm realm, HtmlPage page, String username, String password) {
    HtmlForm form = findForm(page, "kc-form-login");
    if (form == null) {
      throw new AssertionError(
          "no login form at " + page.getUrl() + ":\n" + page.asNormalizedText());
    }
    if (form.getInputsByName("password").isEmpty()) {
      // Identity-first login (realms with organizations): the username, then the password.
      form.getInputByName("username").setValue(username);
      Page next = submit(form);
      if (!(next instanceof HtmlPage nextPage) || findForm(nextPage, "kc-form-login") == null) {
        return LoginOutcome.of(realm, next);
      }
      form = findForm(nextPage, "kc-form-login");
      form.getInputByName("password").setValue(password);
      return LoginOutcome.of(realm, submit(form));
    }
    form.getInputByName("username").setValue(username);
    form.getInputByName("password").setValue(password);
    return LoginOutcome.of(realm, submit(form));
  }

  private static HtmlForm findForm(HtmlPage page, String... ids) {
    for (String id : ids) {
      DomElement element = page.getElementById(id);
      if (element instanceof HtmlForm form) {
        return form;
      }
    }
    return null;
  }

  private static Page submit(HtmlForm form) {
    for (DomElement element : form.getElementsByTagName("input")) {
      if (element instanceof HtmlSubmitInput input) {
        return click(input);
      }
    }
    for (DomElement element : form.getElementsByTagName("button")) {
      if (element instanceof HtmlButton button
          && "submit".equalsIgnoreCase(button.getTypeAttribute())) {
        return click(button);
      }
    }
    throw new AssertionError("form " + form.getId() + " has no submit button");
  }

  private static Page click(DomElement element) {
    try {
      return element.click();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    client.close();
  }
}

package io.kcuserdata.it.harness;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.htmlunit.Page;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.HtmlPage;

/**
 * Where a browser login ended: at the test app with an authorization code, or on a Keycloak page
 * (the login form with an error, a required action, an error page).
 *
 * @param code the authorization code, when the login reached the app
 * @param error the message Keycloak showed, when it did not
 * @param page the page the browser stopped on, when it was not the app
 */
public record LoginOutcome(boolean signedIn, String code, String error, URI url, HtmlPage page) {

  static LoginOutcome of(TestRealm realm, Page page) {
    URI url = URI.create(page.getUrl().toString());
    String app = realm.appRedirectUri().toString();
    if (url.toString().startsWith(app)) {
      return new LoginOutcome(true, queryParameter(url, "code"), null, url, null);
    }
    HtmlPage html = page instanceof HtmlPage p ? p : null;
    return new LoginOutcome(false, null, errorOn(html), url, html);
  }

  private static String errorOn(HtmlPage page) {
    if (page == null) {
      return null;
    }
    for (String id : new String[] {"input-error", "input-error-username", "kc-error-message"}) {
      DomElement element = page.getElementById(id);
      if (element != null && !element.getTextContent().isBlank()) {
        return element.getTextContent().trim();
      }
    }
    for (DomElement element : page.getElementsByTagName("div")) {
      String cls = element.getAttribute("class");
      if (cls.contains("alert") || cls.contains("kc-feedback-text")) {
        return element.getTextContent().trim();
      }
    }
    return null;
  }

  static String queryParameter(URI url, String name) {
    String query = url.getRawQuery();
    if (query == null) {
      return null;
    }
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0 && pair.substring(0, eq).equals(name)) {
        return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      }
    }
    return null;
  }

  /** The visible text of the page the browser stopped on, for assertion messages. */
  public String pageText() {
    return page == null ? "(at " + url + ")" : page.asNormalizedText();
  }
}

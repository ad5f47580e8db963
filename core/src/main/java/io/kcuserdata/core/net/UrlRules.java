package io.kcuserdata.core.net;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The URL checks that need no DNS: scheme, host, credentials, port. */
final class UrlRules {

  private static final Set<String> SCHEMES = Set.of("http", "https");

  private UrlRules() {}

  /** Allowed (without addresses) when the syntax is fine, else refused saying what is wrong. */
  static SsrfDecision check(URI url) {
    Optional<String> problem = problem(url);
    if (problem.isPresent()) {
      return SsrfDecision.refuse(url.getHost(), problem.get());
    }
    try {
      UrlHost host = UrlHost.parse(url.getHost());
      return SsrfDecision.allow(host.name(), List.of(), "the URL's syntax is fine");
    } catch (IllegalArgumentException e) {
      return SsrfDecision.refuse(url.getHost(), e.getMessage());
    }
  }

  private static Optional<String> problem(URI url) {
    String scheme = url.getScheme();
    if (scheme == null) {
      return Optional.of("the URL must be absolute, starting with http:// or https://");
    }
    if (!SCHEMES.contains(scheme.toLowerCase(Locale.ROOT))) {
      return Optional.of("the URL's scheme must be http or https, not " + scheme);
    }
    String authority = url.getRawAuthority();
    if (url.isOpaque() || authority == null || authority.isEmpty()) {
      return Optional.of("the URL has no host");
    }
    // Java leaves user info unset when it cannot parse the host, so look for '@' itself.
    if (url.getRawUserInfo() != null || authority.contains("@")) {
      return Optional.of(
          "the URL must not carry credentials (user:password@); use the authentication settings");
    }
    if (url.getHost() == null) {
      // Underscores, numeric shorthands such as 127.1 or 0x7f.1, stray characters: an HTTP
      // client could still read a host out of them, so refuse rather than guess which one.
      return Optional.of("the URL's host is not a valid host name or IP address");
    }
    int port = url.getPort();
    if (port != -1 && (port < 1 || port > 65535)) {
      return Optional.of("the URL's port must be from 1 to 65535");
    }
    return Optional.empty();
  }
}

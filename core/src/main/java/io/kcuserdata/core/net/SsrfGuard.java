package io.kcuserdata.core.net;

import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Decides whether an outbound HTTP(S) call to a URL may go out, so that a URL an admin (or an
 * attacker through an admin) configures cannot make the server call itself, its private networks or
 * a cloud metadata service.
 *
 * <p>Only {@code http} and {@code https} URLs with a host and without credentials pass. The host is
 * judged by the addresses it resolves to <em>at call time</em>, and every one of them must be
 * allowed: a name answering one public and one private address is refused. Refused by default:
 * loopback, unspecified, private, carrier-grade NAT, link-local (cloud metadata), unique-local and
 * site-local IPv6, multicast, broadcast and other reserved ranges, in any IPv4-mapped,
 * IPv4-compatible, NAT64 or 6to4 spelling, and metadata host names such as {@code
 * metadata.google.internal}. The operator's {@link AllowList} lets chosen hosts and networks
 * through.
 *
 * <p>Connect to the {@link SsrfDecision#addresses()} of the decision, not to a fresh lookup of the
 * host: see {@link SsrfDecision}. Do not follow redirects, or check every hop again.
 *
 * <p>Immutable and thread-safe.
 */
public final class SsrfGuard {

  /** {@link InetAddress#getAllByName}, failures as {@link UncheckedIOException}. */
  public static final Function<String, List<InetAddress>> SYSTEM_RESOLVER =
      host -> {
        try {
          return Arrays.asList(InetAddress.getAllByName(host));
        } catch (UnknownHostException e) {
          throw new UncheckedIOException(e);
        }
      };

  private final AllowList allowList;

  public SsrfGuard(AllowList allowList) {
    this.allowList = allowList;
  }

  /** A guard without exceptions. */
  public static SsrfGuard defaults() {
    return new SsrfGuard(AllowList.NONE);
  }

  /**
   * A guard whose allow-list is read from comma-separated hosts and networks.
   *
   * @throws IllegalArgumentException naming every bad entry
   */
  public static SsrfGuard withAllowList(String commaSeparated) {
    return new SsrfGuard(AllowList.parse(commaSeparated));
  }

  public AllowList allowList() {
    return allowList;
  }

  /**
   * Checks what can be checked of a configured URL without DNS: it parses, the scheme is http or
   * https, there is a host (not an ambiguous numeric one), no {@code user:password@}, and the port
   * is from 1 to 65535. An allowed decision carries no addresses; call {@link #check(URI)} before
   * connecting.
   */
  public static SsrfDecision checkUrlSyntax(String url) {
    if (url == null || url.isBlank()) {
      return SsrfDecision.refuse(null, "the URL is empty");
    }
    URI uri;
    try {
      uri = new URI(url.strip());
    } catch (URISyntaxException e) {
      // getReason() leaves out the input, which may hold credentials.
      return SsrfDecision.refuse(
          null, "not a valid URL: " + e.getReason() + " at index " + e.getIndex());
    }
    return UrlRules.check(uri);
  }

  /** {@link #check(URI, Function)} with the system resolver. */
  public SsrfDecision check(URI url) {
    return check(url, SYSTEM_RESOLVER);
  }

  /**
   * Decides whether a call to {@code url} may go out now.
   *
   * @param resolver the host's addresses; it may throw or answer empty when the host is unknown. It
   *     is not asked about IP addresses written in the URL.
   */
  public SsrfDecision check(URI url, Function<String, List<InetAddress>> resolver) {
    SsrfDecision syntax = UrlRules.check(url);
    return syntax.allowed() ? checkHost(url.getHost(), resolver) : syntax;
  }

  /**
   * Decides on a host alone, as written in a URL ({@code [::1]} or {@code ::1} for IPv6): for an
   * HTTP client's DNS resolver hook, which sees the host but not the URL.
   */
  public SsrfDecision checkHost(String host, Function<String, List<InetAddress>> resolver) {
    UrlHost target;
    try {
      target = UrlHost.parse(host);
    } catch (IllegalArgumentException e) {
      return SsrfDecision.refuse(host, e.getMessage());
    }
    String name = target.name();
    if (target.literal() != null) {
      return judge(name, List.of(target.literal()), true);
    }
    boolean listed = allowList.allowsHost(name);
    if (!listed && ReservedTargets.isMetadataHost(name)) {
      return SsrfDecision.refuse(name, name + " is a cloud metadata service");
    }
    List<InetAddress> addresses;
    try {
      addresses = resolver.apply(name);
    } catch (RuntimeException e) {
      return SsrfDecision.refuse(name, name + " could not be resolved");
    }
    if (addresses == null || addresses.isEmpty()) {
      return SsrfDecision.refuse(name, name + " does not resolve to any address");
    }
    if (listed) {
      return SsrfDecision.allow(name, addresses, name + " is on the allow-list");
    }
    return judge(name, addresses, false);
  }

  /** Allows when each address is on the allow-list or outside every reserved range. */
  private SsrfDecision judge(String name, List<InetAddress> addresses, boolean literal) {
    List<String> viaAllowList = new ArrayList<>();
    for (InetAddress address : addresses) {
      String text = IpAddresses.format(address);
      Optional<NetworkRange> listed = allowList.networkFor(address);
      if (listed.isPresent()) {
        viaAllowList.add(text + " in " + listed.get());
        continue;
      }
      Optional<String> refusal = ReservedTargets.refusal(address);
      if (refusal.isPresent()) {
        String what =
            !literal
                ? name + " resolves to " + text + ", "
                : name.equals(text) ? text + " is " : name + " means " + text + ", ";
        return SsrfDecision.refuse(name, what + refusal.get());
      }
    }
    String why =
        !viaAllowList.isEmpty()
            ? "allowed by the allow-list: " + String.join(", ", viaAllowList)
            : literal ? name + " is a public address" : "every address of " + name + " is public";
    return SsrfDecision.allow(name, addresses, why);
  }

  @Override
  public String toString() {
    return "SsrfGuard[allow-list: " + (allowList.isEmpty() ? "none" : allowList) + "]";
  }
}

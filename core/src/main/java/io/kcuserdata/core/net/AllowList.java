package io.kcuserdata.core.net;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The operator's exceptions to the SSRF guard, for their own internal APIs: host names ({@code
 * api.internal.example}, or {@code *.internal.example} for every name below it) and networks
 * ({@code 10.20.0.0/16}, {@code 127.0.0.1/32}, {@code fd12::/48}). A listed host is trusted
 * whatever it resolves to; a listed network lets its addresses through whatever name led there.
 */
public final class AllowList {

  public static final AllowList NONE = new AllowList(List.of(), List.of(), List.of());

  // LDH labels (RFC 1123); the last label is not all digits, so "10.0.0" is not taken for a name.
  private static final Pattern HOST =
      Pattern.compile(
          "(\\*\\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)*"
              + "(?=[a-z0-9-]*[a-z-])[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

  private final List<String> hosts;
  private final List<String> domainSuffixes;
  private final List<NetworkRange> networks;

  private AllowList(List<String> hosts, List<String> domainSuffixes, List<NetworkRange> networks) {
    this.hosts = List.copyOf(hosts);
    this.domainSuffixes = List.copyOf(domainSuffixes);
    this.networks = List.copyOf(networks);
  }

  /**
   * Reads a comma-separated list; blank text (and blank entries) mean nothing is allowed.
   *
   * @throws IllegalArgumentException naming every bad entry and what is wrong with it
   */
  public static AllowList parse(String commaSeparated) {
    if (commaSeparated == null || commaSeparated.isBlank()) {
      return NONE;
    }
    List<String> hosts = new ArrayList<>();
    List<String> suffixes = new ArrayList<>();
    List<NetworkRange> networks = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    for (String raw : commaSeparated.split(",")) {
      String entry = raw.strip();
      if (entry.isEmpty()) {
        continue;
      }
      try {
        if (entry.contains("://")) {
          throw new IllegalArgumentException("write a host name or a network, not a URL");
        }
        if (looksLikeAddress(entry)) {
          networks.add(NetworkRange.parse(entry));
        } else {
          String host = hostEntry(entry);
          if (host.startsWith("*.")) {
            suffixes.add(host.substring(1));
          } else {
            hosts.add(host);
          }
        }
      } catch (IllegalArgumentException e) {
        errors.add("'" + entry + "': " + e.getMessage());
      }
    }
    if (!errors.isEmpty()) {
      throw new IllegalArgumentException(
          "invalid SSRF allow-list entries: " + String.join("; ", errors));
    }
    return new AllowList(hosts, suffixes, networks);
  }

  // IPv6 has colons; an IPv4 entry is digits and dots (with an optional prefix).
  private static boolean looksLikeAddress(String entry) {
    return entry.contains(":") || entry.contains("/") || entry.matches("[0-9.]+");
  }

  private static String hostEntry(String entry) {
    String host = entry.toLowerCase(Locale.ROOT);
    host = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
    if (host.length() > 253 || !HOST.matcher(host).matches()) {
      throw new IllegalArgumentException(
          "not a host name (letters, digits, hyphens; '*.' only as the first label), an IP"
              + " address or a CIDR network");
    }
    return host;
  }

  /** Whether {@code host} (lower case, no trailing dot) is listed by name or under a wildcard. */
  public boolean allowsHost(String host) {
    return hosts.contains(host) || domainSuffixes.stream().anyMatch(host::endsWith);
  }

  /** The listed network holding {@code address} (IPv4-mapped forms count as IPv4), if any. */
  public Optional<NetworkRange> networkFor(InetAddress address) {
    InetAddress normalized = IpAddresses.normalize(address);
    return networks.stream().filter(network -> network.contains(normalized)).findFirst();
  }

  public boolean isEmpty() {
    return hosts.isEmpty() && domainSuffixes.isEmpty() && networks.isEmpty();
  }

  /** The entries in canonical form, comma-separated. */
  @Override
  public String toString() {
    List<String> entries = new ArrayList<>(hosts);
    domainSuffixes.forEach(suffix -> entries.add("*" + suffix));
    networks.forEach(network -> entries.add(network.toString()));
    return String.join(", ", entries);
  }
}

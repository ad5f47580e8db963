package io.kcuserdata.core.net;

import java.net.InetAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the SSRF guard refuses unless the operator allows it: addresses that reach the server's own
 * host, its private networks or a cloud metadata service rather than the public internet, and the
 * metadata services' host names.
 */
final class ReservedTargets {

  /** Network to what it is, as said in refusal messages. */
  private static final Map<NetworkRange, String> RANGES = new LinkedHashMap<>();

  static {
    reserve("0.0.0.0/8", "an unspecified (\"this network\") address");
    reserve("10.0.0.0/8", "a private address");
    reserve("100.64.0.0/10", "a carrier-grade NAT address");
    reserve("127.0.0.0/8", "a loopback address");
    // 169.254.169.254 (AWS, GCP, Azure, OpenStack metadata) lives here.
    reserve("169.254.0.0/16", "a link-local address (where cloud metadata services live)");
    reserve("172.16.0.0/12", "a private address");
    reserve("192.0.0.0/24", "an IETF protocol-assignment address");
    reserve("192.168.0.0/16", "a private address");
    reserve("198.18.0.0/15", "a benchmarking-network address");
    reserve("224.0.0.0/4", "a multicast address");
    reserve("240.0.0.0/4", "a reserved or broadcast address");
    reserve("::/128", "the unspecified address");
    reserve("::1/128", "a loopback address");
    reserve("64:ff9b:1::/48", "a local-use NAT64 address");
    reserve("100::/64", "a discard-only address");
    // AWS's IPv6 metadata endpoint fd00:ec2::254 is unique-local.
    reserve("fc00::/7", "a unique-local address");
    reserve("fe80::/10", "a link-local address");
    reserve("fec0::/10", "a site-local address");
    reserve("ff00::/8", "a multicast address");
  }

  /**
   * Names of cloud metadata services. They resolve to link-local addresses, which are refused
   * anyway; refusing the names as well keeps them out even where an operator allowed those
   * networks, and says why in plain words.
   */
  private static final Set<String> METADATA_HOSTS =
      Set.of(
          "metadata",
          "metadata.google.internal",
          "metadata.goog",
          "instance-data",
          "instance-data.ec2.internal",
          "metadata.tencentyun.com");

  private ReservedTargets() {}

  private static void reserve(String cidr, String what) {
    RANGES.put(NetworkRange.parse(cidr), what);
  }

  /** Why {@code address} is refused ("a loopback address (127.0.0.0/8)"), or empty. */
  static Optional<String> refusal(InetAddress address) {
    InetAddress normalized = IpAddresses.normalize(address);
    for (Map.Entry<NetworkRange, String> range : RANGES.entrySet()) {
      if (range.getKey().contains(normalized)) {
        String mapped = normalized == address ? "" : "an IPv4-mapped form of ";
        return Optional.of(mapped + range.getValue() + " (" + range.getKey() + ")");
      }
    }
    return IpAddresses.embeddedIpv4(normalized)
        .flatMap(
            v4 ->
                refusal(v4)
                    .map(
                        why ->
                            "a NAT64/6to4 address standing for "
                                + IpAddresses.format(v4)
                                + ", "
                                + why));
  }

  /** Whether {@code host} (lower case, no trailing dot) names a cloud metadata service. */
  static boolean isMetadataHost(String host) {
    return METADATA_HOSTS.contains(host);
  }
}

package io.kcuserdata.core.net;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Arrays;

/**
 * A CIDR network such as {@code 10.0.0.0/8} or {@code fc00::/7}. Parsing never touches DNS, and a
 * range only contains addresses of its own family: callers judge IPv4-mapped IPv6 addresses by
 * their IPv4 form.
 */
public final class NetworkRange {

  private final byte[] network;
  private final int prefixLength;

  private NetworkRange(byte[] network, int prefixLength) {
    this.network = network;
    this.prefixLength = prefixLength;
  }

  /**
   * Reads {@code address/prefix}, or a bare address meaning that one address ({@code /32} or {@code
   * /128}).
   *
   * @throws IllegalArgumentException saying what is wrong: not an IP address, a prefix out of
   *     range, or bits set after the prefix (a likely typo: {@code 10.0.0.1/8})
   */
  public static NetworkRange parse(String cidr) {
    String text = cidr == null ? "" : cidr.strip();
    int slash = text.indexOf('/');
    String addressText = slash < 0 ? text : text.substring(0, slash);
    InetAddress address =
        IpAddresses.parseLiteral(addressText)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "'"
                            + addressText
                            + "' is not an IP address (IPv4 as a.b.c.d without leading zeros,"
                            + " or IPv6)"));
    if (address instanceof Inet4Address && addressText.contains(":")) {
      // Java turns ::ffff:a.b.c.d into an IPv4 address; its prefix would count the wrong bits.
      throw new IllegalArgumentException(
          "'" + addressText + "' is an IPv4-mapped IPv6 address: write the IPv4 network instead");
    }
    byte[] bytes = address.getAddress();
    int bits = bytes.length * 8;
    int prefix = slash < 0 ? bits : parsePrefix(text.substring(slash + 1), bits);
    for (int bit = prefix; bit < bits; bit++) {
      if (bitAt(bytes, bit)) {
        throw new IllegalArgumentException(
            "'"
                + text
                + "' has address bits set after the /"
                + prefix
                + " prefix; write the network address ("
                + new NetworkRange(mask(bytes, prefix), prefix)
                + ")");
      }
    }
    return new NetworkRange(bytes, prefix);
  }

  private static int parsePrefix(String text, int bits) {
    if (!text.matches("[0-9]{1,3}") || Integer.parseInt(text) > bits) {
      throw new IllegalArgumentException(
          "the prefix length '" + text + "' must be a number from 0 to " + bits);
    }
    return Integer.parseInt(text);
  }

  /** Whether {@code address} (of the same family) lies in this network. */
  public boolean contains(InetAddress address) {
    byte[] bytes = address.getAddress();
    return bytes.length == network.length && Arrays.equals(mask(bytes, prefixLength), network);
  }

  public int prefixLength() {
    return prefixLength;
  }

  private static byte[] mask(byte[] bytes, int prefix) {
    byte[] masked = bytes.clone();
    for (int bit = prefix; bit < masked.length * 8; bit++) {
      masked[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
    }
    return masked;
  }

  private static boolean bitAt(byte[] bytes, int bit) {
    return (bytes[bit / 8] & (0x80 >>> (bit % 8))) != 0;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof NetworkRange range
        && range.prefixLength == prefixLength
        && Arrays.equals(range.network, network);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(network) + prefixLength;
  }

  /** Canonical text: {@code 10.0.0.0/8}, {@code fe80::/10}. */
  @Override
  public String toString() {
    return IpAddresses.format(network) + "/" + prefixLength;
  }
}

package io.kcuserdata.core.net;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

/** IP address helpers that never touch DNS. */
final class IpAddresses {

  // Dotted-quad without leading zeros: "010" means 10 to Java but 8 to inet_aton, so refuse it.
  private static final Pattern DOTTED_QUAD =
      Pattern.compile(
          "((25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\\.){3}"
              + "(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])");

  private static final Pattern IPV6_CHARS = Pattern.compile("[0-9A-Fa-f:.]+");

  private IpAddresses() {}

  /**
   * An address written in canonical text: IPv4 dotted-quad, or IPv6 (without brackets or zone).
   * Anything else is empty; a host name is never looked up.
   */
  static Optional<InetAddress> parseLiteral(String text) {
    try {
      if (DOTTED_QUAD.matcher(text).matches()) {
        return Optional.of(InetAddress.getByAddress(quad(text)));
      }
      if (text.contains(":") && IPV6_CHARS.matcher(text).matches()) {
        // Brackets make Java treat the text as an IPv6 literal: refused when invalid, never sent
        // to the resolver.
        return Optional.of(InetAddress.getByName("[" + text + "]"));
      }
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  private static byte[] quad(String text) {
    String[] parts = text.split("\\.");
    byte[] bytes = new byte[4];
    for (int i = 0; i < 4; i++) {
      bytes[i] = (byte) Integer.parseInt(parts[i]);
    }
    return bytes;
  }

  /**
   * The IPv4 address an IPv4-mapped ({@code ::ffff:a.b.c.d}) or IPv4-compatible ({@code ::a.b.c.d})
   * address stands for, so one rule judges every spelling; other addresses as given.
   */
  static InetAddress normalize(InetAddress address) {
    if (!(address instanceof Inet6Address)) {
      return address;
    }
    byte[] b = address.getAddress();
    boolean zeroPrefix = isZero(b, 0, 10);
    boolean mapped = zeroPrefix && b[10] == (byte) 0xff && b[11] == (byte) 0xff;
    // :: and ::1 keep their own IPv6 meaning (unspecified, loopback).
    boolean compatible =
        zeroPrefix && isZero(b, 10, 12) && !(isZero(b, 12, 15) && (b[15] == 0 || b[15] == 1));
    return mapped || compatible ? v4(Arrays.copyOfRange(b, 12, 16)) : address;
  }

  /**
   * The IPv4 address a translation prefix carries inside an IPv6 address: NAT64's well-known {@code
   * 64:ff9b::/96} (last 32 bits) and 6to4's {@code 2002::/16} (bits 16 to 48). Traffic to them may
   * end up at that IPv4 address, so it must pass the IPv4 rules too.
   */
  static Optional<InetAddress> embeddedIpv4(InetAddress address) {
    if (!(address instanceof Inet6Address)) {
      return Optional.empty();
    }
    byte[] b = address.getAddress();
    if (b[0] == 0
        && b[1] == 0x64
        && b[2] == (byte) 0xff
        && b[3] == (byte) 0x9b
        && isZero(b, 4, 12)) {
      return Optional.of(v4(Arrays.copyOfRange(b, 12, 16)));
    }
    if (b[0] == 0x20 && b[1] == 0x02) {
      return Optional.of(v4(Arrays.copyOfRange(b, 2, 6)));
    }
    return Optional.empty();
  }

  /** Dotted-quad, or RFC 5952 IPv6 text ({@code ::1}, not {@code 0:0:0:0:0:0:0:1}). */
  static String format(InetAddress address) {
    return format(address.getAddress());
  }

  /** {@link #format(InetAddress)} for raw bytes: 4 for IPv4, 16 for IPv6. */
  static String format(byte[] b) {
    if (b.length == 4) {
      return (b[0] & 0xff) + "." + (b[1] & 0xff) + "." + (b[2] & 0xff) + "." + (b[3] & 0xff);
    }
    if (isZero(b, 0, 10) && b[10] == (byte) 0xff && b[11] == (byte) 0xff) {
      return "::ffff:" + format(Arrays.copyOfRange(b, 12, 16)); // RFC 5952 section 5
    }
    int[] groups = new int[8];
    for (int i = 0; i < 8; i++) {
      groups[i] = ((b[2 * i] & 0xff) << 8) | (b[2 * i + 1] & 0xff);
    }
    // The longest run of two or more zero groups becomes "::" (the first one on a tie).
    int bestStart = -1;
    int bestLength = 1;
    for (int i = 0; i < 8; i++) {
      int j = i;
      while (j < 8 && groups[j] == 0) {
        j++;
      }
      if (j - i > bestLength) {
        bestStart = i;
        bestLength = j - i;
      }
      i = Math.max(i, j);
    }
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        text.append("::");
        i += bestLength - 1;
        continue;
      }
      if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
        text.append(':');
      }
      text.append(Integer.toHexString(groups[i]));
    }
    return text.toString();
  }

  static InetAddress v4(byte[] bytes) {
    try {
      return InetAddress.getByAddress(bytes);
    } catch (UnknownHostException e) {
      throw new IllegalStateException("4 bytes are always an IPv4 address", e);
    }
  }

  private static boolean isZero(byte[] bytes, int from, int to) {
    for (int i = from; i < to; i++) {
      if (bytes[i] != 0) {
        return false;
      }
    }
    return true;
  }
}

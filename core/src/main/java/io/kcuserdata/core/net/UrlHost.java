package io.kcuserdata.core.net;

import java.net.InetAddress;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The host of a URL: an IP address written in the URL, or a name to resolve.
 *
 * <p>Numeric hosts are read the way Java reads them ({@code 2130706433} and {@code 127.1} are
 * {@code 127.0.0.1}), which is the address a Java HTTP client would connect to. Forms other
 * software reads differently are refused rather than guessed at: leading zeros ({@code 010.0.0.1}
 * is 10.0.0.1 to Java, 8.0.0.1 to {@code inet_aton}) and hex ({@code 0x7f.1}).
 *
 * @param name the host in lower case without a trailing dot, brackets or zone
 * @param literal the address written in the URL, or null when {@code name} must be resolved
 */
record UrlHost(String name, InetAddress literal) {

  private static final Pattern NUMERIC_PART = Pattern.compile("[0-9]+|0[xX][0-9a-fA-F]*");
  private static final Pattern NUMERIC_CHARS = Pattern.compile("[0-9a-fA-FxX.]+");
  private static final Pattern PLAIN_DECIMAL = Pattern.compile("0|[1-9][0-9]{0,9}");

  /**
   * @throws IllegalArgumentException when the host is missing or is an address no one should write
   *     this way
   */
  static UrlHost parse(String host) {
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("the URL has no host");
    }
    String text = host.strip().toLowerCase(Locale.ROOT);
    if (text.startsWith("[") || text.contains(":")) {
      return ipv6(
          text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text);
    }
    text = text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    String[] parts = text.split("\\.", -1);
    boolean numeric =
        NUMERIC_CHARS.matcher(text).matches()
            && NUMERIC_PART.matcher(parts[parts.length - 1]).matches();
    return numeric ? new UrlHost(text, ipv4(text, parts)) : new UrlHost(text, null);
  }

  private static UrlHost ipv6(String text) {
    if (text.contains("%")) {
      // A zone names one of this server's interfaces: never a remote API.
      throw new IllegalArgumentException("IPv6 addresses with a zone id are not allowed");
    }
    InetAddress address =
        IpAddresses.parseLiteral(text)
            .orElseThrow(
                () -> new IllegalArgumentException("'" + text + "' is not a valid IPv6 address"));
    return new UrlHost(text, address);
  }

  private static InetAddress ipv4(String text, String[] parts) {
    for (String part : parts) {
      if (!PLAIN_DECIMAL.matcher(part).matches()) {
        throw new IllegalArgumentException(
            "'"
                + text
                + "' is an ambiguous numeric host (hex, octal or malformed);"
                + " write the address as a.b.c.d");
      }
    }
    if (parts.length > 4) {
      throw new IllegalArgumentException("'" + text + "' is not a valid IPv4 address");
    }
    // Java's shorthand: the last part fills the remaining bytes ("127.1" = 127.0.0.1).
    long value = 0;
    for (int i = 0; i < parts.length - 1; i++) {
      long part = Long.parseLong(parts[i]);
      if (part > 255) {
        throw new IllegalArgumentException("'" + text + "' is not a valid IPv4 address");
      }
      value |= part << (8 * (3 - i));
    }
    long last = Long.parseLong(parts[parts.length - 1]);
    if (last >= 1L << (8 * (5 - parts.length))) {
      throw new IllegalArgumentException("'" + text + "' is not a valid IPv4 address");
    }
    value |= last;
    return IpAddresses.v4(
        new byte[] {
          (byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value
        });
  }
}

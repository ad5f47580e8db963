package io.kcuserdata.core.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NetworkRangeTest {

  static InetAddress ip(String literal) {
    return IpAddresses.parseLiteral(literal).orElseThrow();
  }

  @Nested
  class Parsing {

    @ParameterizedTest
    @CsvSource({
      "10.0.0.0/8, 10.0.0.0/8",
      "127.0.0.1, 127.0.0.1/32",
      " 192.168.0.0/16 , 192.168.0.0/16",
      "0.0.0.0/0, 0.0.0.0/0",
      "fe80::/10, fe80::/10",
      "FD12:0:0::/48, fd12::/48",
      "::1, ::1/128",
      "2001:db8:0:0:1:0:0:1/128, 2001:db8::1:0:0:1/128"
    })
    void networksReadBackInCanonicalForm(String text, String canonical) {
      assertThat(NetworkRange.parse(text)).hasToString(canonical);
    }

    @ParameterizedTest
    @CsvSource(
        delimiter = '|',
        value = {
          "10.0.0.0/33 | from 0 to 32",
          "fe80::/129 | from 0 to 128",
          "10.0.0.0/-1 | from 0 to 32",
          "10.0.0.0/ | from 0 to 32",
          "10.0.0.0/8/1 | from 0 to 32",
          "10.0.0.1/8 | write the network address (10.0.0.0/8)",
          "fe80::1/10 | write the network address (fe80::/10)",
          "10.0.0 | not an IP address",
          "256.0.0.0/8 | not an IP address",
          "010.0.0.0/8 | not an IP address",
          "example.com/16 | not an IP address",
          "::ffff:10.0.0.0/104 | write the IPv4 network instead",
          "'' | not an IP address"
        })
    void badNetworksAreRefusedSayingWhy(String text, String why) {
      assertThatThrownBy(() -> NetworkRange.parse(text))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(why);
    }
  }

  @Nested
  class Membership {

    @Test
    void aNetworkHoldsTheAddressesUnderItsPrefix() {
      NetworkRange range = NetworkRange.parse("172.16.0.0/12");

      assertThat(range.contains(ip("172.16.0.0"))).isTrue();
      assertThat(range.contains(ip("172.31.255.255"))).isTrue();
      assertThat(range.contains(ip("172.32.0.0"))).isFalse();
      assertThat(range.contains(ip("172.15.255.255"))).isFalse();
    }

    @Test
    void aNetworkHoldsOnlyAddressesOfItsOwnFamily() {
      assertThat(NetworkRange.parse("0.0.0.0/0").contains(ip("::1"))).isFalse();
      assertThat(NetworkRange.parse("::/0").contains(ip("127.0.0.1"))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"fc00::", "fd00:ec2::254", "fdff:ffff::1"})
    void anIpv6NetworkHoldsItsAddresses(String address) {
      assertThat(NetworkRange.parse("fc00::/7").contains(ip(address))).isTrue();
    }

    @Test
    void equalNetworksAreEqual() {
      assertThat(NetworkRange.parse("fe80:0::/10")).isEqualTo(NetworkRange.parse("fe80::/10"));
      assertThat(NetworkRange.parse("10.0.0.0/8")).isNotEqualTo(NetworkRange.parse("10.0.0.0/9"));
    }
  }
}

package io.kcuserdata.core.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet6Address;
import java.net.InetAddress;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IpAddressesTest {

  static InetAddress ip(String literal) {
    return IpAddresses.parseLiteral(literal).orElseThrow();
  }

  /** An IPv6 address object even for mapped bytes, as some resolvers hand back. */
  static InetAddress raw6(String literal) throws Exception {
    return Inet6Address.getByAddress(null, ip(literal).getAddress(), -1);
  }

  @Nested
  class Literals {

    @ParameterizedTest
    @ValueSource(
        strings = {"localhost", "example.com", "010.0.0.1", "1.2.3", "256.1.1.1", "zzz::1", ""})
    void onlyCanonicalIpTextIsALiteral(String text) {
      assertThat(IpAddresses.parseLiteral(text)).isEmpty();
    }

    @Test
    void ipv4MappedTextBecomesAnIpv4AddressAsJavaDoes() {
      assertThat(IpAddresses.format(ip("::ffff:127.0.0.1"))).isEqualTo("127.0.0.1");
    }
  }

  @Nested
  class Normalizing {

    @Test
    void mappedAndCompatibleFormsBecomeIpv4() throws Exception {
      byte[] mapped = new byte[16];
      mapped[10] = (byte) 0xff;
      mapped[11] = (byte) 0xff;
      mapped[12] = 10;
      mapped[15] = 1;
      InetAddress asV6 = Inet6Address.getByAddress(null, mapped, -1);

      assertThat(IpAddresses.format(IpAddresses.normalize(asV6))).isEqualTo("10.0.0.1");
      assertThat(IpAddresses.format(IpAddresses.normalize(ip("::10.0.0.1")))).isEqualTo("10.0.0.1");
    }

    @Test
    void unspecifiedAndLoopbackKeepTheirIpv6Meaning() {
      assertThat(IpAddresses.normalize(ip("::1"))).isInstanceOf(Inet6Address.class);
      assertThat(IpAddresses.normalize(ip("::"))).isInstanceOf(Inet6Address.class);
    }

    @Test
    void nat64And6to4CarryAnIpv4Address() {
      assertThat(IpAddresses.embeddedIpv4(ip("64:ff9b::a9fe:a9fe")).map(IpAddresses::format))
          .contains("169.254.169.254");
      assertThat(IpAddresses.embeddedIpv4(ip("2002:7f00:1::1")).map(IpAddresses::format))
          .contains("127.0.0.1");
      assertThat(IpAddresses.embeddedIpv4(ip("2606:2800:220:1:248:1893:25c8:1946"))).isEmpty();
    }
  }

  @Nested
  class Formatting {

    @Test
    void aMappedAddressIsWrittenWithItsIpv4Part() throws Exception {
      byte[] mapped = new byte[16];
      mapped[10] = (byte) 0xff;
      mapped[11] = (byte) 0xff;
      mapped[12] = 10;
      mapped[15] = 1;

      assertThat(IpAddresses.format(mapped)).isEqualTo("::ffff:10.0.0.1");
    }

    @ParameterizedTest
    @CsvSource({
      "0:0:0:0:0:0:0:1, ::1",
      "0:0:0:0:0:0:0:0, ::",
      "fe80:0:0:0:0:0:0:0, fe80::",
      "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1",
      "2001:db8:0:1:1:1:1:1, 2001:db8:0:1:1:1:1:1",
      "2606:2800:220:1:248:1893:25c8:1946, 2606:2800:220:1:248:1893:25c8:1946",
      "0:0:0:0:0:0:a00:1, ::a00:1"
    })
    void ipv6IsWrittenTheRfc5952Way(String full, String canonical) throws Exception {
      assertThat(IpAddresses.format(raw6(full))).isEqualTo(canonical);
    }
  }
}

package io.kcuserdata.core.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class AllowListTest {

  static InetAddress ip(String literal) {
    return IpAddresses.parseLiteral(literal).orElseThrow();
  }

  @Nested
  class Parsing {

    @Test
    void hostsAndNetworksAreReadFromACommaSeparatedList() {
      AllowList list =
          AllowList.parse(
              " api.internal.example, 10.20.0.0/16,127.0.0.1/32 , *.svc.Local., fd12::/48");

      assertThat(list)
          .hasToString("api.internal.example, *.svc.local, 10.20.0.0/16, 127.0.0.1/32, fd12::/48");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", ",", " , ,"})
    void blankMeansNothingIsAllowed(String text) {
      assertThat(AllowList.parse(text).isEmpty()).isTrue();
    }

    @Test
    void aBareAddressIsThatOneAddress() {
      assertThat(AllowList.parse("10.1.2.3")).hasToString("10.1.2.3/32");
    }

    @ParameterizedTest
    @CsvSource(
        delimiter = '|',
        value = {
          "10.0.0.0/33 | from 0 to 32",
          "10.0.0.1/8 | (10.0.0.0/8)",
          "10.0.0 | not an IP address",
          "300.1.1.1 | not an IP address",
          "http://api.example | not a URL",
          "api example | not a host name",
          "api_x.example | not a host name",
          "* | not a host name",
          "*. | not a host name",
          "a.*.example | not a host name",
          "-api.example | not a host name",
          "user@api.example | not a host name"
        })
    void aBadEntryIsRefusedNamingItAndWhatIsWrong(String entry, String why) {
      assertThatThrownBy(() -> AllowList.parse("api.ok.example, " + entry))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("'" + entry + "'")
          .hasMessageContaining(why)
          .hasMessageNotContaining("api.ok.example");
    }

    @Test
    void everyBadEntryIsReportedAtOnce() {
      assertThatThrownBy(() -> AllowList.parse("10.0.0.0/33, good.example, bad_host"))
          .hasMessageContaining("'10.0.0.0/33'")
          .hasMessageContaining("'bad_host'");
    }
  }

  @Nested
  class Matching {

    final AllowList list = AllowList.parse("api.internal.example, *.svc.local, 10.20.0.0/16");

    @Test
    void aListedHostMatchesByExactName() {
      assertThat(list.allowsHost("api.internal.example")).isTrue();
      assertThat(list.allowsHost("x.api.internal.example")).isFalse();
      assertThat(list.allowsHost("api.internal.example.evil")).isFalse();
    }

    @Test
    void aWildcardMatchesNamesBelowItButNotItself() {
      assertThat(list.allowsHost("claims.svc.local")).isTrue();
      assertThat(list.allowsHost("a.b.svc.local")).isTrue();
      assertThat(list.allowsHost("svc.local")).isFalse();
      assertThat(list.allowsHost("evilsvc.local")).isFalse();
    }

    @Test
    void aListedNetworkMatchesItsAddressesInEverySpelling() {
      assertThat(list.networkFor(ip("10.20.3.4")))
          .hasValueSatisfying(network -> assertThat(network).hasToString("10.20.0.0/16"));
      assertThat(list.networkFor(ip("::10.20.3.4"))).isPresent();
      assertThat(list.networkFor(ip("10.21.0.1"))).isEmpty();
    }
  }
}

package io.kcuserdata.core.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SsrfGuardTest {

  static final String PUBLIC_V4 = "93.184.216.34";
  static final String PUBLIC_V6 = "2606:2800:220:1:248:1893:25c8:1946";

  static InetAddress ip(String literal) {
    return IpAddresses.parseLiteral(literal).orElseThrow();
  }

  /** A resolver answering from a table, so no test depends on DNS. */
  static Function<String, List<InetAddress>> dns(Map<String, List<String>> table) {
    return host -> {
      List<String> answers = table.get(host);
      if (answers == null) {
        throw new IllegalStateException("unknown host " + host);
      }
      return answers.stream().map(SsrfGuardTest::ip).toList();
    };
  }

  static final Function<String, List<InetAddress>> NO_DNS =
      host -> {
        throw new AssertionError("the resolver must not be asked about " + host);
      };

  final SsrfGuard guard = SsrfGuard.defaults();

  SsrfDecision check(String url) {
    return guard.check(URI.create(url), NO_DNS);
  }

  @Nested
  class RefusedIpv4 {

    @ParameterizedTest
    @CsvSource({
      "127.0.0.1, loopback",
      "127.255.255.254, loopback",
      "0.0.0.0, unspecified",
      "10.0.0.1, private",
      "10.255.255.255, private",
      "172.16.0.1, private",
      "172.31.255.255, private",
      "192.168.1.1, private",
      "169.254.0.1, link-local",
      "100.64.0.1, carrier-grade NAT",
      "100.127.255.255, carrier-grade NAT",
      "224.0.0.1, multicast",
      "239.255.255.250, multicast",
      "255.255.255.255, broadcast",
      "198.18.0.1, benchmarking",
      "192.0.0.8, IETF"
    })
    void anAddressInAReservedRangeIsRefusedNamingTheRange(String address, String what) {
      SsrfDecision decision = check("http://" + address + ":8080/claims");

      assertThat(decision.allowed()).isFalse();
      assertThat(decision.addresses()).isEmpty();
      assertThat(decision.reason()).startsWith(address + " is ").contains(what);
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "172.15.255.255",
          "172.32.0.0",
          "100.63.255.255",
          "100.128.0.0",
          "11.0.0.1",
          "169.253.255.255",
          "223.255.255.255"
        })
    void theNeighboursOfReservedRangesArePublic(String address) {
      assertThat(check("https://" + address + "/").allowed()).isTrue();
    }
  }

  @Nested
  class RefusedIpv6 {

    @ParameterizedTest
    @CsvSource({
      "::1, loopback",
      "::, unspecified",
      "fe80::1, link-local",
      "febf:ffff::1, link-local",
      "fc00::1, unique-local",
      "fd00:ec2::254, unique-local",
      "fec0::1, site-local",
      "ff02::1, multicast",
      "100::1, discard-only",
      "64:ff9b:1::1, NAT64"
    })
    void anAddressInAReservedRangeIsRefused(String address, String what) {
      SsrfDecision decision = check("http://[" + address + "]/");

      assertThat(decision.allowed()).isFalse();
      assertThat(decision.reason()).contains(what);
    }

    @ParameterizedTest
    @CsvSource({
      "::ffff:127.0.0.1, loopback",
      "::ffff:7f00:1, loopback",
      "::ffff:169.254.169.254, link-local",
      "::ffff:10.0.0.1, private",
      "::127.0.0.1, loopback",
      "::10.1.2.3, private",
      "0:0:0:0:0:ffff:c0a8:101, private",
      "64:ff9b::7f00:1, loopback",
      "64:ff9b::169.254.169.254, link-local",
      "2002:a00:1::1, private"
    })
    void ipv6SpellingsOfReservedIpv4AddressesAreRefused(String address, String what) {
      SsrfDecision decision = check("http://[" + address + "]:443/");

      assertThat(decision.allowed()).isFalse();
      assertThat(decision.reason()).contains(what);
    }

    @Test
    void aResolverAnsweringAMappedIpv6ObjectIsJudgedByItsIpv4Part() throws Exception {
      byte[] mapped = new byte[16];
      mapped[10] = (byte) 0xff;
      mapped[11] = (byte) 0xff;
      mapped[12] = 127;
      mapped[15] = 1;
      InetAddress sneaky = Inet6Address.getByAddress(null, mapped, -1);

      SsrfDecision decision =
          guard.check(URI.create("https://sneaky.example/"), host -> List.of(sneaky));

      assertThat(decision.allowed()).isFalse();
      assertThat(decision.reason())
          .isEqualTo(
              "sneaky.example resolves to ::ffff:127.0.0.1, an IPv4-mapped form of a loopback"
                  + " address (127.0.0.0/8)");
    }
  }

  @Nested
  class CloudMetadata {

    @Test
    void theMetadataAddressIsRefused() {
      SsrfDecision decision = check("http://169.254.169.254/latest/meta-data/");

      assertThat(decision.allowed()).isFalse();
      assertThat(decision.reason()).contains("link-local").contains("metadata");
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "metadata.google.internal",
          "METADATA.google.internal.",
          "metadata",
          "instance-data",
          "metadata.goog",
          "instance-data.ec2.internal"
        })
    void metadataHostNamesAreRefusedWithoutBeingResolved(String host) {
      SsrfDecision decision = check("http://" + host + "/computeMetadata/v1/");

      assertThat(decision.allowed()).isFalse();
      assertThat(decision.reason()).contains("cloud metadata");
    }

    @Test
    void aNameResolvingToTheMetadataAddressIsRefused() {
      SsrfDecision decision =
          guard.check(
              URI.create("http://evil.example/"),
              dns(Map.of("evil.example", List.of("169.254.169.254"))));

      assertThat(decision.allowed()).isFalse();
      assertThat(decision.reason())
          .startsWith("evil.example resolves to 169.254.169.254, a link-local address");
    }

    @Test
    void allowingTheLinkLocalNetworkStillKeepsMetadataNamesOut() {
      SsrfGuard lenient = SsrfGuard.withAllowList("169.254.0.0/16");

      assertThat(
              lenient
                  .check(
                      URI.create("http://metadata.google.internal/"),
                      dns(Map.of("metadata.google.internal", List.of("169.254.169.254"))))
                  .allowed())
          .isFalse();
    }
  }

  @Nested
  class PublicTargets {

    @Test
    void publicLiteralAddressesAreAllowedAndConnectedToAsWritten() {
      SsrfDecision v4 = check("https://" + PUBLIC_V4 + "/claims");
      SsrfDecision v6 = check("https://[" + PUBLIC_V6 + "]:8443/claims");

      assertThat(v4.allowed()).isTrue();
      assertThat(v4.addresses()).containsExactly(ip(PUBLIC_V4));
      assertThat(v4.reason()).isEqualTo(PUBLIC_V4 + " is a public address");
      assertThat(v6.allowed()).isTrue();
      assertThat(v6.addresses()).containsExactly(ip(PUBLIC_V6));
    }

    @Test
    void aNameResolvingToPublicAddressesIsAllowedWithThoseAddresses() {
      SsrfDecision decision =
          guard.check(
              URI.create("https://API.Example.com/claims?x=1"),
              dns(Map.of("api.example.com", List.of(PUBLIC_V4, PUBLIC_V6))));

      assertThat(decision.allowed()).isTrue();
      assertThat(decision.host()).isEqualTo("api.example.com");
      assertThat(decision.addresses()).containsExactly(ip(PUBLIC_V4), ip(PUBLIC_V6));
      assertThat(decision.requireAllowed()).isSameAs(decision);
    }
  }

  @Nested
  class Resolution {

    @Test
    void aNameWithOnePublicAndOnePrivateAddressIsRefused() {
      SsrfDecision decision =
          guard.check(
              URI.create("https://mixed.example/"),
              dns(Map.of("mixed.example", List.of(PUBLIC_V4, "10.0.0.7"))));

      assertThat(decision.allowed()).isFalse();
      assertThat(decision.addresses()).isEmpty();
      assertThat(decision.reason())
          .isEqualTo("mixed.example resolves to 10.0.0.7, a private address (10.0.0.0/8)");
    }

    @Test
    void aNameThatDoesNotResolveIsRefused() {
      assertThat(guard.check(URI.create("https://nowhere.example/"), dns(Map.of())).reason())
          .isEqualTo("nowhere.example could not be resolved");
      assertThat(guard.check(URI.create("https://empty.example/"), host -> List.of()).reason())
          .isEqualTo("empty.example does not resolve to any address");
    }

    @Test
    void theResolverIsAskedForTheNameWithoutATrailingDot() {
      assertThat(
              guard
                  .check(
                      URI.create("https://api.example.com./"),
                      dns(Map.of("api.example.com", List.of(PUBLIC_V4))))
                  .allowed())
          .isTrue();
    }

    @Test
    void aRefusalThrowsWithTheReasonWhenRequired() {
      SsrfDecision decision = check("http://127.0.0.1/");

      assertThatThrownBy(decision::requireAllowed)
          .isInstanceOfSatisfying(
              SsrfRefusedException.class, e -> assertThat(e.decision()).isSameAs(decision))
          .hasMessage("127.0.0.1 is a loopback address (127.0.0.0/8)");
    }

    @Test
    void theSystemResolverRefusesLocalhost() {
      SsrfDecision decision = guard.check(URI.create("http://localhost:8080/"));

      assertThat(decision.allowed()).isFalse();
      assertThat(decision.reason()).contains("loopback");
    }

    @Test
    void checkingAHostAloneWorksForResolverHooks() {
      assertThat(guard.checkHost("[::1]", NO_DNS).allowed()).isFalse();
      assertThat(guard.checkHost("::1", NO_DNS).allowed()).isFalse();
      assertThat(guard.checkHost(PUBLIC_V4, NO_DNS).allowed()).isTrue();
    }
  }

  @Nested
  class NumericTricks {

    @ParameterizedTest
    @CsvSource({
      "2130706433, 127.0.0.1",
      "3232235777, 192.168.1.1",
      "2852039166, 169.254.169.254",
      "0, 0.0.0.0"
    })
    void aDecimalHostIsJudgedAsTheAddressJavaReadsItAs(String host, String address)
        throws UnknownHostException {
      assertThat(InetAddress.getByName(host)).isEqualTo(ip(address)); // what Java connects to

      SsrfDecision decision = check("http://" + host + "/");

      assertThat(decision.allowed()).isFalse();
      assertThat(decision.reason()).startsWith(host + " means " + address + ", ");
    }

    @Test
    void aDecimalHostOfAPublicAddressIsAllowedAsThatAddress() {
      SsrfDecision decision = check("http://1572395042/");

      assertThat(decision.allowed()).isTrue();
      assertThat(decision.addresses()).containsExactly(ip(PUBLIC_V4));
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "0x7f000001",
          "017700000001",
          "010.0.0.1",
          "0177.0.0.1",
          "127.0.0.01",
          "0x7f.0.0.1"
        })
    void hexAndOctalHostsAreRefusedBecauseSoftwareDisagreesOnThem(String host) {
      SsrfDecision decision = guard.checkHost(host, NO_DNS);

      assertThat(decision.allowed()).isFalse();
      assertThat(decision.reason()).contains("ambiguous numeric host");
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "http://0x7f.1/",
          "http://127.1/",
          "http://0x7f000001/",
          "http://017700000001/",
          "http://2130706433/",
          "http://127.0.0.1./"
        })
    void numericShorthandsNeverPassWhicheverWayTheyAreRead(String url) {
      assertThat(check(url).allowed()).isFalse();
      assertThat(guard.check(URI.create(url)).allowed()).isFalse(); // system resolver
    }

    @ParameterizedTest
    @ValueSource(strings = {"4294967296", "256.1.1.1", "1.2.3.4.5", "1.256.65536"})
    void outOfRangeNumbersAreRefused(String host) {
      assertThat(guard.checkHost(host, NO_DNS).reason()).contains("not a valid IPv4 address");
    }

    @Test
    void hostsThatMerelyStartWithDigitsAreNames() {
      SsrfDecision decision =
          guard.check(
              URI.create("https://1e100.net/"), dns(Map.of("1e100.net", List.of(PUBLIC_V4))));

      assertThat(decision.allowed()).isTrue();
    }
  }

  @Nested
  class AllowListed {

    final SsrfGuard lenient =
        SsrfGuard.withAllowList("api.internal.example, 10.20.0.0/16, 127.0.0.1/32, fd12::/48");

    @Test
    void aListedHostPassesWhateverItResolvesTo() {
      SsrfDecision decision =
          lenient.check(
              URI.create("https://api.internal.example/claims"),
              dns(Map.of("api.internal.example", List.of("192.168.5.5"))));

      assertThat(decision.allowed()).isTrue();
      assertThat(decision.addresses()).containsExactly(ip("192.168.5.5"));
      assertThat(decision.reason()).contains("allow-list");
    }

    @Test
    void aListedNetworkLetsItsAddressesThrough() {
      SsrfDecision decision =
          lenient.check(
              URI.create("https://claims.corp.example/"),
              dns(Map.of("claims.corp.example", List.of("10.20.1.2"))));

      assertThat(decision.allowed()).isTrue();
      assertThat(decision.reason())
          .isEqualTo("allowed by the allow-list: 10.20.1.2 in 10.20.0.0/16");
      assertThat(lenient.check(URI.create("http://127.0.0.1:8080/"), NO_DNS).allowed()).isTrue();
      assertThat(lenient.check(URI.create("http://[fd12::5]/"), NO_DNS).allowed()).isTrue();
    }

    @Test
    void theRestOfEveryReservedRangeStaysRefused() {
      assertThat(lenient.check(URI.create("http://10.21.0.1/"), NO_DNS).allowed()).isFalse();
      assertThat(lenient.check(URI.create("http://127.0.0.2/"), NO_DNS).allowed()).isFalse();
      assertThat(lenient.check(URI.create("http://[::1]/"), NO_DNS).allowed()).isFalse();
      assertThat(lenient.check(URI.create("http://169.254.169.254/"), NO_DNS).allowed()).isFalse();
    }

    @Test
    void aNameMixingAListedAndAnUnlistedPrivateAddressIsRefused() {
      SsrfDecision decision =
          lenient.check(
              URI.create("https://claims.corp.example/"),
              dns(Map.of("claims.corp.example", List.of("10.20.1.2", "10.30.1.2"))));

      assertThat(decision.allowed()).isFalse();
      assertThat(decision.reason()).contains("10.30.1.2");
    }

    @Test
    void aBadAllowListIsRefusedWhenTheGuardIsBuilt() {
      assertThatThrownBy(() -> SsrfGuard.withAllowList("10.0.0.0/40"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("'10.0.0.0/40'");
    }

    @Test
    void theGuardSaysWhatItAllows() {
      assertThat(lenient)
          .hasToString(
              "SsrfGuard[allow-list: api.internal.example, 10.20.0.0/16, 127.0.0.1/32, fd12::/48]");
      assertThat(SsrfGuard.defaults()).hasToString("SsrfGuard[allow-list: none]");
    }
  }

  @Nested
  class UrlSyntax {

    @ParameterizedTest
    @ValueSource(
        strings = {
          "https://api.example.com/claims",
          "http://api.example.com:8080",
          "HTTPS://API.example.com/x?y=1#z",
          "http://127.0.0.1:1/",
          "https://[::1]:65535/",
          "http://api.example.com:/"
        })
    void wellFormedHttpUrlsPassWithoutAnyLookup(String url) {
      SsrfDecision decision = SsrfGuard.checkUrlSyntax(url);

      assertThat(decision.allowed()).as(decision.reason()).isTrue();
      assertThat(decision.addresses()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(
        delimiter = '|',
        value = {
          "ftp://files.example.com/ | scheme must be http or https, not ftp",
          "file:///etc/passwd | scheme must be http or https, not file",
          "gopher://x.example/ | scheme must be http or https",
          "javascript:alert(1) | scheme must be http or https",
          "/relative/path | must be absolute",
          "api.example.com/claims | must be absolute",
          "http:///claims | has no host",
          "http:api.example.com | has no host",
          "https://user:pass@api.example.com/ | must not carry credentials",
          "https://token@api.example.com/ | must not carry credentials",
          "http://user:pass@0x7f.1/ | must not carry credentials",
          "http://api.example.com:0/ | port must be from 1 to 65535",
          "http://api.example.com:70000/ | port must be from 1 to 65535",
          "http://my_host.example/ | not a valid host name",
          "http://0x7f.1/ | not a valid host name",
          "http://0x7f000001/ | ambiguous numeric host",
          "http://[fe80::1%25eth0]/ | zone id",
          "http://a b.example/ | not a valid URL",
          "' ' | empty"
        })
    void malformedOrUnsafeUrlsAreRefusedSayingWhy(String url, String why) {
      SsrfDecision decision = SsrfGuard.checkUrlSyntax(url);

      assertThat(decision.allowed()).isFalse();
      assertThat(decision.reason()).contains(why);
    }

    @Test
    void credentialsInARefusedUrlAreNeverRepeated() {
      for (String url :
          List.of(
              "https://admin:s3cr3t@api.example.com/",
              "https://admin:s3cr3t@0x7f.1/",
              "https://admin:s3 cr3t@api.example.com/")) {
        assertThat(SsrfGuard.checkUrlSyntax(url).reason()).doesNotContain("s3cr3t", "s3 cr3t");
      }
    }

    @Test
    void theSameRulesApplyWhenCheckingBeforeACall() {
      assertThat(check("ftp://" + PUBLIC_V4 + "/").reason()).contains("http or https");
      assertThat(check("https://u:p@" + PUBLIC_V4 + "/").reason()).contains("credentials");
      assertThat(check("https://" + PUBLIC_V4 + ":70000/").reason()).contains("port");
    }

    @Test
    void syntaxChecksNeitherResolveNorJudgeAddresses() {
      // DNS and the address rules are for call time, through check().
      assertThat(SsrfGuard.checkUrlSyntax("https://does-not-exist.invalid/").allowed()).isTrue();
      assertThat(SsrfGuard.checkUrlSyntax("http://169.254.169.254/").allowed()).isTrue();
    }
  }
}

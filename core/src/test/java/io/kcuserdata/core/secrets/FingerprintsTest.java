package io.kcuserdata.core.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import io.kcuserdata.core.secrets.Fingerprints.Verdict;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class FingerprintsTest {

  private static final byte[] PRO = bytes("\"pro\"");
  private static final byte[] ENTERPRISE = bytes("\"enterprise\"");

  private static byte[] bytes(String json) {
    return json.getBytes(StandardCharsets.UTF_8);
  }

  private final TestKeys.Realm realm = new TestKeys.Realm().withKey("kid-1", 1);

  private Fingerprints underRealmKey() {
    return new RealmSecrets(null, realm).fingerprints();
  }

  private Fingerprints underOperatorKey(long seed) {
    return new RealmSecrets(TestKeys.operator(seed), realm).fingerprints();
  }

  @Nested
  class AKeyedFingerprint {

    @Test
    void namesItsKeyAndIsAnHmacNotTheUnkeyedDigest() {
      String fingerprint = underOperatorKey(7).of(PRO);

      assertThat(fingerprint)
          .matches("hmac:op-[0-9a-f]{16}:[A-Za-z0-9_-]{22}")
          .doesNotContain(Fingerprints.unkeyed(PRO));
    }

    @Test
    void isTheSameForTheSameValueAndKeyOnly() {
      assertThat(underOperatorKey(7).of(PRO)).isEqualTo(underOperatorKey(7).of(PRO));
      assertThat(underOperatorKey(7).of(PRO)).isNotEqualTo(underOperatorKey(7).of(ENTERPRISE));
      assertThat(underOperatorKey(7).of(PRO)).isNotEqualTo(underOperatorKey(8).of(PRO));
    }

    @Test
    void usesTheRealmsAesKeyWithoutAnOperatorKey() {
      assertThat(underRealmKey().of(PRO)).startsWith("hmac:aes-kid-1:");
    }

    @Test
    void matchesItsValueAsCurrent() {
      Fingerprints fingerprints = underOperatorKey(7);

      assertThat(fingerprints.check(fingerprints.of(PRO), PRO)).isEqualTo(Verdict.CURRENT);
      assertThat(fingerprints.check(fingerprints.of(PRO), ENTERPRISE)).isEqualTo(Verdict.NO_MATCH);
    }

    @Test
    void underTheRealmKeyStillMatchesAfterTheOperatorSetAKeyButIsOutdated() {
      String before = underRealmKey().of(PRO);

      assertThat(underOperatorKey(7).check(before, PRO)).isEqualTo(Verdict.OUTDATED);
      assertThat(underOperatorKey(7).check(before, ENTERPRISE)).isEqualTo(Verdict.NO_MATCH);
    }

    @Test
    void whoseKeyIsGoneMatchesNothing() {
      String before = underOperatorKey(7).of(PRO);

      assertThat(underOperatorKey(8).check(before, PRO)).isEqualTo(Verdict.NO_MATCH);
    }

    @Test
    void thatIsMalformedMatchesNothing() {
      Fingerprints fingerprints = underOperatorKey(7);
      for (String malformed : new String[] {"hmac:", "hmac:abc", "hmac::x", "hmac:op-1:"}) {
        assertThat(fingerprints.check(malformed, PRO)).as(malformed).isEqualTo(Verdict.NO_MATCH);
      }
      assertThat(fingerprints.check(null, PRO)).isEqualTo(Verdict.NO_MATCH);
    }
  }

  @Nested
  class AnUnkeyedFingerprintFromBefore {

    @Test
    void isTheOldTruncatedSha256() throws Exception {
      String expected =
          Base64.getUrlEncoder()
              .withoutPadding()
              .encodeToString(MessageDigest.getInstance("SHA-256").digest(PRO))
              .substring(0, 22);

      assertThat(Fingerprints.unkeyed(PRO)).isEqualTo(expected);
    }

    @Test
    void isComparedTheOldWayAndReportedOutdated() {
      String legacy = Fingerprints.unkeyed(PRO);

      assertThat(underOperatorKey(7).check(legacy, PRO)).isEqualTo(Verdict.OUTDATED);
      assertThat(underRealmKey().check(legacy, PRO)).isEqualTo(Verdict.OUTDATED);
      assertThat(underRealmKey().check(legacy, ENTERPRISE)).isEqualTo(Verdict.NO_MATCH);
    }
  }
}

package io.kcuserdata.mappers.idp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kcuserdata.core.json.Json;
import io.kcuserdata.core.secrets.Fingerprints;
import io.kcuserdata.core.secrets.Fingerprints.Verdict;
import io.kcuserdata.core.secrets.RealmKeys;
import io.kcuserdata.core.secrets.RealmSecrets;
import io.kcuserdata.core.secrets.SealingKey;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SyncFingerprintsTest {

  private static final JsonNode PRO = Json.NODES.textNode("pro");
  private static final JsonNode COMPANY = Json.parseOrNull("{\"name\":\"Acme\",\"size\":50}");
  private static final SealingKey OPERATOR =
      SealingKey.operator("AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA=", "secret-key");
  private static final SealingKey REALM_KEY = SealingKey.realm("kid-1", new byte[16]);

  /** A realm with one AES key. */
  private static final RealmKeys REALM =
      new RealmKeys() {
        @Override
        public SealingKey active() {
          return REALM_KEY;
        }

        @Override
        public Optional<SealingKey> byKid(String keycloakKid) {
          return keycloakKid.equals("kid-1") ? Optional.of(REALM_KEY) : Optional.empty();
        }
      };

  private static SyncFingerprints underOperatorKey() {
    return new SyncFingerprints(new RealmSecrets(OPERATOR, REALM).fingerprints());
  }

  private static SyncFingerprints underRealmKey() {
    return new SyncFingerprints(new RealmSecrets(null, REALM).fingerprints());
  }

  /** What the pack stored before fingerprints were keyed. */
  private static String unkeyed(JsonNode value) {
    return Fingerprints.unkeyed(Json.compact(value).getBytes(StandardCharsets.UTF_8));
  }

  @Nested
  class AFingerprint {

    @Test
    void isAnHmacNamingItsKeyThatNoDictionaryOfValuesFinds() {
      String fingerprint = underOperatorKey().of(PRO);

      assertThat(fingerprint)
          .startsWith("hmac:" + OPERATOR.kid() + ":")
          .doesNotContain(unkeyed(PRO))
          .doesNotContain("pro");
    }

    @Test
    void isTheRealmKeysWithoutAnOperatorKey() {
      assertThat(underRealmKey().of(PRO)).startsWith("hmac:aes-kid-1:");
    }

    @Test
    void tellsJsonTypesApart() {
      assertThat(underOperatorKey().of(Json.NODES.numberNode(42)))
          .isNotEqualTo(underOperatorKey().of(Json.NODES.textNode("42")));
    }

    @Test
    void matchesItsValueOnly() {
      String fingerprint = underOperatorKey().of(COMPANY);

      assertThat(underOperatorKey().check(fingerprint, COMPANY)).isEqualTo(Verdict.CURRENT);
      assertThat(underOperatorKey().check(fingerprint, PRO)).isEqualTo(Verdict.NO_MATCH);
    }

    @Test
    void matchesNothingWhenTheRecordOrTheValueIsMissing() {
      assertThat(underOperatorKey().check(null, PRO)).isEqualTo(Verdict.NO_MATCH);
      assertThat(underOperatorKey().check(underOperatorKey().of(PRO), null))
          .isEqualTo(Verdict.NO_MATCH);
    }
  }

  @Nested
  class AFingerprintStoredBeforeTheyWereKeyed {

    @Test
    void isComparedTheOldWayAndReportedForRewriting() {
      assertThat(underOperatorKey().check(unkeyed(COMPANY), COMPANY)).isEqualTo(Verdict.OUTDATED);
      assertThat(underOperatorKey().check(unkeyed(COMPANY), PRO)).isEqualTo(Verdict.NO_MATCH);
    }

    @Test
    void keepsPreserveLocalEditsDecidingAsBefore() {
      JsonNode edited = Json.NODES.textNode("edited by an admin");
      JsonNode incoming = Json.NODES.textNode("enterprise");

      TargetSync.Outcome untouched =
          TargetSync.decide(
              UpdatePolicy.PRESERVE_LOCAL_EDITS,
              OnMissing.KEEP,
              PRO,
              Optional.of(incoming),
              underOperatorKey().check(unkeyed(PRO), PRO).matches());
      TargetSync.Outcome editedLocally =
          TargetSync.decide(
              UpdatePolicy.PRESERVE_LOCAL_EDITS,
              OnMissing.KEEP,
              edited,
              Optional.of(incoming),
              underOperatorKey().check(unkeyed(PRO), edited).matches());

      assertThat(untouched).isEqualTo(new TargetSync.Write(incoming));
      assertThat(editedLocally).isEqualTo(new TargetSync.Keep());
    }
  }

  @Test
  void aFingerprintUnderTheRealmKeyStillMatchesOnceTheOperatorSetAKey() {
    String before = underRealmKey().of(PRO);

    assertThat(underOperatorKey().check(before, PRO)).isEqualTo(Verdict.OUTDATED);
  }
}

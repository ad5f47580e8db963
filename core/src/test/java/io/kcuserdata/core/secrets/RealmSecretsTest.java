package io.kcuserdata.core.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RealmSecretsTest {

  private static final String SECRET = "whsec_c2VjcmV0LXRoYXQtbXVzdC1uZXZlci1sZWFr";
  private static final SealContext CONTEXT =
      SealContext.of("claims auth.secret", "realm-1", "https://api.example/claims");

  @Nested
  class WithoutAnOperatorKey {

    private final TestKeys.Realm realm = new TestKeys.Realm().withKey("kid-1", 1);
    private final RealmSecrets secrets = new RealmSecrets(null, realm);

    @Test
    void sealsUnderTheRealmsActiveAesKeyNamingIt() {
      String sealed = secrets.seal(CONTEXT, SECRET);

      assertThat(sealed).startsWith("sealed:1:aes-kid-1:").doesNotContain(SECRET);
      assertThat(secrets.underOperatorKey()).isFalse();
    }

    @Test
    void opensWhatItSealed() throws Exception {
      assertThat(secrets.open(CONTEXT, secrets.seal(CONTEXT, SECRET))).isEqualTo(SECRET);
      assertThat(secrets.open(CONTEXT, secrets.seal(CONTEXT, "ü ✓ 🔑"))).isEqualTo("ü ✓ 🔑");
    }

    @Test
    void sealsDifferentlyEveryTimeBecauseTheIvIsRandom() {
      Set<String> seals = new HashSet<>();
      for (int i = 0; i < 20; i++) {
        seals.add(secrets.seal(CONTEXT, SECRET));
      }
      assertThat(seals).hasSize(20);
    }

    @Test
    void keepsOpeningAfterTheRealmRotatedItsKeyWhileTheOldKeyExists() throws Exception {
      String sealed = secrets.seal(CONTEXT, SECRET);
      realm.withKey("kid-2", 2);
      RealmSecrets later = new RealmSecrets(null, realm);

      assertThat(later.open(CONTEXT, sealed)).isEqualTo(SECRET);
      assertThat(later.seal(CONTEXT, SECRET)).startsWith("sealed:1:aes-kid-2:");
    }

    @Test
    void saysTheKeyIsGoneOnceTheRealmDeletedIt() {
      String sealed = secrets.seal(CONTEXT, SECRET);
      realm.withKey("kid-2", 2).delete("kid-1");

      assertThatThrownBy(() -> new RealmSecrets(null, realm).open(CONTEXT, sealed))
          .isInstanceOf(SealedSecretException.class)
          .hasMessageContaining("aes-kid-1")
          .hasMessageContaining("no longer exists");
    }

    @Test
    void looksTheActiveKeyUpOncePerInstance() {
      secrets.seal(CONTEXT, SECRET);
      secrets.seal(CONTEXT, SECRET);

      assertThat(realm.activeLookups).isEqualTo(1);
    }
  }

  @Nested
  class WithAnOperatorKey {

    private final TestKeys.Realm realm = new TestKeys.Realm().withKey("kid-1", 1);

    @Test
    void sealsUnderItAndNeverAsksTheRealm() {
      RealmSecrets secrets = new RealmSecrets(TestKeys.operator(7), realm);

      String sealed = secrets.seal(CONTEXT, SECRET);

      assertThat(sealed).startsWith("sealed:1:" + TestKeys.operator(7).kid() + ":");
      assertThat(realm.activeLookups).isZero();
      assertThat(secrets.underOperatorKey()).isTrue();
    }

    @Test
    void stillOpensWhatTheRealmKeySealedBeforeItWasSet() throws Exception {
      String before = new RealmSecrets(null, realm).seal(CONTEXT, SECRET);

      assertThat(new RealmSecrets(TestKeys.operator(7), realm).open(CONTEXT, before))
          .isEqualTo(SECRET);
    }

    @Test
    void cannotOpenWhatAnotherOperatorKeySealedAndSaysWhichKeyItNeeds() {
      String sealed = new RealmSecrets(TestKeys.operator(7), realm).seal(CONTEXT, SECRET);

      assertThatThrownBy(() -> new RealmSecrets(TestKeys.operator(8), realm).open(CONTEXT, sealed))
          .isInstanceOf(SealedSecretException.class)
          .hasMessageContaining(TestKeys.operator(7).kid())
          .hasMessageContaining("another secret-key")
          .hasMessageNotContaining(SECRET);
    }
  }

  @Nested
  class AValueSealedForOneContext {

    private final TestKeys.Realm realm = new TestKeys.Realm().withKey("kid-1", 1);
    private final RealmSecrets secrets = new RealmSecrets(TestKeys.operator(7), realm);
    private final String sealed = secrets.seal(CONTEXT, SECRET);

    @Test
    void doesNotOpenForAnotherRealm() {
      SealContext otherRealm =
          SealContext.of("claims auth.secret", "realm-2", "https://api.example/claims");

      assertThatThrownBy(() -> secrets.open(otherRealm, sealed))
          .isInstanceOf(SealedSecretException.class)
          .hasMessageContaining("another realm, URL");
    }

    @Test
    void doesNotOpenForAnotherUrl() {
      SealContext otherUrl =
          SealContext.of("claims auth.secret", "realm-1", "https://evil.example/claims");

      assertThatThrownBy(() -> secrets.open(otherUrl, sealed))
          .isInstanceOf(SealedSecretException.class);
    }

    @Test
    void doesNotOpenWhenTheBindingsWouldOnlyConcatenateAlike() {
      SealContext shifted =
          SealContext.of("claims auth.secret", "realm-1https://api.example/claims", "");

      assertThatThrownBy(() -> secrets.open(shifted, sealed))
          .isInstanceOf(SealedSecretException.class);
    }

    @Test
    void doesNotOpenOnceABitChanged() {
      SealedValue parsed = SealedValue.parse(sealed).orElseThrow();
      byte[] payload = parsed.payload();
      payload[payload.length - 20] ^= 1;
      String tampered =
          SealedValue.PREFIX + parsed.kid() + ":" + Base64.getEncoder().encodeToString(payload);

      assertThatThrownBy(() -> secrets.open(CONTEXT, tampered))
          .isInstanceOf(SealedSecretException.class)
          .hasMessageNotContaining(SECRET);
    }
  }

  @Nested
  class TheSealedForm {

    @Test
    void isRecognisedByItsPrefixOnly() {
      assertThat(SealedValue.looksSealed("sealed:1:op-1:AAAA")).isTrue();
      assertThat(SealedValue.looksSealed("${vault.claims}")).isFalse();
      assertThat(SealedValue.looksSealed("whsec_abc")).isFalse();
      assertThat(SealedValue.looksSealed(null)).isFalse();
    }

    @Test
    void thatIsMalformedIsRefusedClearly() {
      RealmSecrets secrets = new RealmSecrets(TestKeys.operator(7), new TestKeys.Realm());
      for (String malformed :
          new String[] {
            "sealed:1:",
            "sealed:1:op-1",
            "sealed:1:op-1:",
            "sealed:1::AAAA",
            "sealed:1:op-1:not base64!",
            "s3cr3t"
          }) {
        assertThatThrownBy(() -> secrets.open(CONTEXT, malformed))
            .as(malformed)
            .isInstanceOf(SealedSecretException.class);
      }
    }

    @Test
    void keepsAKeyIdThatHasColonsInIt() throws Exception {
      TestKeys.Realm realm = new TestKeys.Realm().withKey("a:b", 1);
      RealmSecrets secrets = new RealmSecrets(null, realm);

      assertThat(secrets.open(CONTEXT, secrets.seal(CONTEXT, SECRET))).isEqualTo(SECRET);
    }
  }
}

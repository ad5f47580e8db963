package io.kcuserdata.claims.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kcuserdata.claims.secret.MapperSecret.Form;
import io.kcuserdata.core.secrets.RealmKeys;
import io.kcuserdata.core.secrets.RealmSecrets;
import io.kcuserdata.core.secrets.SealedSecretException;
import io.kcuserdata.core.secrets.SealingKey;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class MapperSecretTest {

  private static final String SECRET = "bearer-s3cr3t";
  private static final SealingKey REALM_KEY = SealingKey.realm("kid-1", new byte[16]);
  private static final RealmSecrets SECRETS =
      new RealmSecrets(
          null,
          new RealmKeys() {
            @Override
            public SealingKey active() {
              return REALM_KEY;
            }

            @Override
            public Optional<SealingKey> byKid(String kid) {
              return kid.equals("kid-1") ? Optional.of(REALM_KEY) : Optional.empty();
            }
          });

  private static Map<String, String> config(String... keyValues) {
    Map<String, String> config = new HashMap<>();
    config.put("url", "https://api.example/claims");
    config.put("auth.type", "bearer");
    for (int i = 0; i + 1 < keyValues.length; i += 2) {
      config.put(keyValues[i], keyValues[i + 1]);
    }
    return config;
  }

  private static Map<String, String> sealed(String... keyValues) {
    Map<String, String> config = config(keyValues);
    MapperSecret.sealInPlace(SECRETS, "realm-1", config);
    return config;
  }

  @Nested
  class TheForm {

    @Test
    void tellsNoneVaultSealedAndPlainApart() {
      assertThat(MapperSecret.formOf((String) null)).isEqualTo(Form.NONE);
      assertThat(MapperSecret.formOf("  ")).isEqualTo(Form.NONE);
      assertThat(MapperSecret.formOf("${vault.claims}")).isEqualTo(Form.VAULT_REFERENCE);
      assertThat(MapperSecret.formOf("sealed:1:aes-kid-1:AAAA")).isEqualTo(Form.SEALED);
      assertThat(MapperSecret.formOf(SECRET)).isEqualTo(Form.PLAIN);
    }
  }

  @Nested
  class Sealing {

    @Test
    void replacesAPlainSecretInPlaceAndOpensItForTheSameConfig() throws Exception {
      Map<String, String> config = config("auth.secret", " " + SECRET + " ");

      boolean changed = MapperSecret.sealInPlace(SECRETS, "realm-1", config);

      assertThat(changed).isTrue();
      assertThat(config.get("auth.secret"))
          .startsWith("sealed:1:aes-kid-1:")
          .doesNotContain(SECRET);
      assertThat(MapperSecret.open(SECRETS, "realm-1", config)).isEqualTo(SECRET);
    }

    @Test
    void leavesVaultReferencesSealedValuesAndNoSecretAlone() {
      Map<String, String> vault = config("auth.secret", "${vault.claims}");
      Map<String, String> already = sealed("auth.secret", SECRET);
      String before = already.get("auth.secret");
      Map<String, String> none = config();

      assertThat(MapperSecret.sealInPlace(SECRETS, "realm-1", vault)).isFalse();
      assertThat(MapperSecret.sealInPlace(SECRETS, "realm-1", already)).isFalse();
      assertThat(MapperSecret.sealInPlace(SECRETS, "realm-1", none)).isFalse();
      assertThat(vault.get("auth.secret")).isEqualTo("${vault.claims}");
      assertThat(already.get("auth.secret")).isEqualTo(before);
      assertThat(none).doesNotContainKey("auth.secret");
    }
  }

  @Nested
  class ASealedSecretStaysWithItsConfig {

    private final Map<String, String> config = sealed("auth.secret", SECRET);

    @Test
    void opensWhateverElseChanges() throws Exception {
      config.put("timeout.ms", "900");
      config.put("claim.name", "billing");

      assertThat(MapperSecret.open(SECRETS, "realm-1", config)).isEqualTo(SECRET);
    }

    @Test
    void doesNotOpenForAnotherUrl() {
      config.put("url", "https://collector.example/claims");

      assertThatThrownBy(() -> MapperSecret.open(SECRETS, "realm-1", config))
          .isInstanceOf(SealedSecretException.class);
    }

    @Test
    void doesNotOpenForAnotherTokenEndpoint() {
      config.put("auth.token.url", "https://collector.example/token");

      assertThatThrownBy(() -> MapperSecret.open(SECRETS, "realm-1", config))
          .isInstanceOf(SealedSecretException.class);
    }

    @Test
    void doesNotOpenForAnotherAuthenticationType() {
      config.put("auth.type", "client-credentials");

      assertThatThrownBy(() -> MapperSecret.open(SECRETS, "realm-1", config))
          .isInstanceOf(SealedSecretException.class);
    }

    @Test
    void doesNotOpenInAnotherRealm() {
      assertThatThrownBy(() -> MapperSecret.open(SECRETS, "realm-2", config))
          .isInstanceOf(SealedSecretException.class);
    }

    @Test
    void tellsTheAdminToEnterItAgainWithoutShowingIt() {
      config.put("url", "https://collector.example/claims");
      try {
        MapperSecret.open(SECRETS, "realm-1", config);
      } catch (SealedSecretException e) {
        assertThat(MapperSecret.refusal(e))
            .contains("enter the secret again")
            .doesNotContain(SECRET);
        return;
      }
      throw new AssertionError("opened for another URL");
    }
  }
}

package io.kcuserdata.events.webhooks.listener;

import static org.assertj.core.api.Assertions.assertThat;

import io.kcuserdata.core.secrets.SealingKey;
import io.kcuserdata.core.secrets.SecretCipher;
import org.junit.jupiter.api.Test;

/** Which key seals webhook secrets: the pack's when set, else the listener's own older option. */
class WebhookSecretsCipherTest {

  private static final String SECRET = "whsec_c2VjcmV0LXRoYXQtbXVzdC1uZXZlci1sZWFr";
  private static final SealingKey PACK =
      SealingKey.operator("AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA=", "pack");
  private static final SealingKey OWN =
      SealingKey.operator("KioqKioqKioqKioqKioqKioqKioqKioqKioqKioqKio=", "own");

  @Test
  void thePacksKeySealsWhenSetAndTheListenersOwnKeyStillOpensWhatItSealed() {
    String before = WebhookListenerFactory.cipher(null, OWN).seal(SECRET);

    SecretCipher now = WebhookListenerFactory.cipher(PACK, OWN);

    assertThat(now.keyId()).contains(PACK.kid());
    assertThat(now.open(before)).isEqualTo(SECRET);
    assertThat(now.open(now.seal(SECRET))).isEqualTo(SECRET);
  }

  @Test
  void theListenersOwnKeySealsWhenThePackHasNone() {
    assertThat(WebhookListenerFactory.cipher(null, OWN).keyId()).contains(OWN.kid());
  }

  @Test
  void thePacksKeyAloneSealsToo() {
    assertThat(WebhookListenerFactory.cipher(PACK, null).keyId()).contains(PACK.kid());
  }

  @Test
  void withoutAnyKeySecretsAreStoredPlain() {
    SecretCipher none = WebhookListenerFactory.cipher(null, null);

    assertThat(none.encrypts()).isFalse();
    assertThat(none.seal(SECRET)).isEqualTo("plain:" + SECRET);
  }
}
